// `ishowtts doctor`: checks the machine and the installation and explains each finding with the command
// that fixes it. Reads only — it never changes clocks or settings. Exit 0 healthy, 4 warnings, 5
// problems. The checks live in IShowTts.Ops.Doctor; this file parses and prints.
using IShowTts.Configuration;
using IShowTts.Ops.Doctor;
using IShowTts.Ops.Files;

namespace IShowTts.Cli.Commands;

public sealed class DoctorCommand : ICommand
{
    public string Name => "doctor";

    public string Summary => "check GPU, clocks, power, CUDA libraries, model files, voices, config, port and disk (read-only)";

    public string Usage => """
        usage: ishowtts doctor [--no-checksums] [--no-cuda] [--json FILE]

          Checks and explains: the GPU, driver and CUDA libraries; SM and memory clocks now vs maximum and
          why they are held back; power, temperature, persistence mode (all through NVML); on a Jetson the
          power mode and whether the clocks are locked; the CPU backend; the model files and their SHA-256
          (recorded the first time in <data_dir>/doctor/model-checksums.json, flagged when they change);
          every voice's reference audio; the configuration; the server port; free disk space.
          It changes nothing: each problem comes with the command to run.

          --no-checksums   do not hash the model files (1.4 GB: a few seconds)
          --no-cuda        do not open the CUDA backend (loading NVRTC/cuBLASLt, compiling kernels once)
          --json FILE      also write the findings as JSON

          Exit codes: 0 all fine, 4 warnings (works, but slower or less safe), 5 problems, 2 usage.
        """;

    public Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        bool checksums = !args.Flag("no-checksums"), cuda = !args.Flag("no-cuda");
        var json = args.String("json");
        args.Finish();
        var o = Console.Out;
        var report = DoctorRunner.Run(new DoctorOptions(() => (context.Config, Array.Empty<ConfigWarning>()), checksums, cuda), check =>
        {
            o.WriteLine($"{Mark(check.Status)} {check.Area,-7} {check.Name}: {check.Detail}");
            if (check.Fix is not null) o.WriteLine($"           → {check.Fix}");
        });
        int failed = report.Checks.Count(c => c.Status == CheckStatus.Failed), warned = report.Checks.Count(c => c.Status == CheckStatus.Warning),
            skipped = report.Checks.Count(c => c.Status == CheckStatus.Skipped);
        o.WriteLine($"{report.Checks.Count} checks: {report.Checks.Count - failed - warned - skipped} ok, {warned} warnings, {failed} problems, {skipped} skipped");
        if (json is not null) OpsJson.Write(json, report);
        return Task.FromResult(report.ExitCode);
    }

    private static string Mark(CheckStatus s) => s switch
    {
        CheckStatus.Ok => "[ ok ]",
        CheckStatus.Warning => "[warn]",
        CheckStatus.Failed => "[FAIL]",
        _ => "[skip]",
    };
}
