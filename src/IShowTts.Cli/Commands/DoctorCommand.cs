// `ishowtts doctor`: checks the machine and the installation and explains each finding with the command
// that fixes it. Reads only — it never changes clocks or settings. Exit 0 when nothing is broken
// (warnings are printed, not failed on), 5 on a problem, 4 with --strict when there are warnings; see
// DoctorReport. The checks live in IShowTts.Ops.Doctor; this file parses and prints.
using IShowTts.Ops.Doctor;
using IShowTts.Ops.Files;

namespace IShowTts.Cli.Commands;

public sealed class DoctorCommand : ICommand
{
    public string Name => "doctor";

    public string Summary => "check GPU, clocks, power, CUDA libraries, model files, voices, config, port and disk (read-only)";

    public string Usage => """
        usage: ishowtts doctor [--strict] [--no-checksums] [--no-cuda] [--json FILE]

          Checks and explains: the configuration; the GPU, driver and CUDA libraries; SM and memory clocks
          now vs maximum and why they are held back; power, temperature, persistence mode (all through
          NVML; skipped, with the reason, on a machine without an NVIDIA driver); on a Jetson the power
          mode and whether the clocks are locked; the CPU backend; the model files and their SHA-256
          (recorded the first time in <data_dir>/doctor/model-checksums.json, a change is a problem);
          every voice's reference audio; the server port; free disk space.
          It changes nothing: each finding comes with the command to run.

          --strict         warnings fail too (exit 4), for a machine that must be fully tuned
          --no-checksums   do not hash the model files (1.4 GB: a few seconds)
          --no-cuda        do not open the CUDA backend (loading NVRTC/cuBLASLt, compiling kernels once)
          --json FILE      also write the findings as JSON

          Exit codes: 0 no problems (warnings, if any, are printed: the product works, maybe slower),
          5 problems found (something it needs is broken), 4 warnings with --strict,
          1 doctor could not run, 2 usage.
        """;

    public Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        bool checksums = !args.Flag("no-checksums"), cuda = !args.Flag("no-cuda"), strict = args.Flag("strict");
        var json = args.String("json");
        args.Finish();
        if (args.Positionals.Count > 0) throw new UsageException($"doctor takes no words (got '{args.Positionals[0]}')");
        var o = Console.Out;
        var report = DoctorRunner.Run(new DoctorOptions(context.LoadConfiguration, checksums, cuda), check =>
        {
            o.WriteLine($"{Mark(check.Status)} {check.Area,-7} {check.Name}: {check.Detail}");
            if (check.Fix is not null) o.WriteLine($"           → {check.Fix}");
        });
        int exit = report.ExitCode(strict);
        o.WriteLine($"{report.Checks.Count} checks: {report.Checks.Count - report.Problems - report.Warnings - report.Skipped} ok, " +
                    $"{report.Warnings} warnings, {report.Problems} problems, {report.Skipped} skipped (exit {exit})");
        if (json is not null)
        {
            OpsJson.Write(json, report);
            context.Log.Line($"wrote {json}");
        }
        return Task.FromResult(exit);
    }

    private static string Mark(CheckStatus s) => s switch
    {
        CheckStatus.Ok => "[ ok ]",
        CheckStatus.Warning => "[warn]",
        CheckStatus.Failed => "[FAIL]",
        _ => "[skip]",
    };
}
