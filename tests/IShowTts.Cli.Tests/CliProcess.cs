// Runs the built `ishowtts` as a user would: a separate process, arguments, exit code, stdout/stderr.
using System.Diagnostics;

namespace IShowTts.Cli.Tests;

internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ishowtts.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.Latin1,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"ishowtts {string.Join(' ', args)} did not finish in 10 minutes");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
