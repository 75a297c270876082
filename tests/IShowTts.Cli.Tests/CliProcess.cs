// Runs the built `ishowtts` as a user would: a separate process, arguments, exit code, stdout/stderr.
using System.Diagnostics;

namespace IShowTts.Cli.Tests;

internal static class CliProcess
{
    /// <param name="Stdout">stdout byte for byte (read as Latin-1, so raw audio survives); <see cref="Text"/> is it as UTF-8 text.</param>
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.Latin1.GetBytes(Stdout));
    }

    public static Result Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs with a private HOME (and XDG folders), so no user configuration or cache leaks in; the HOME is deleted after.</summary>
    public static Result RunIsolated(params string[] args)
    {
        var home = Directory.CreateTempSubdirectory("ishowtts-home-").FullName;
        try
        {
            return RunIn(home, args);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Runs with HOME (and the XDG folders) inside <paramref name="home"/>, which the caller owns (and deletes).</summary>
    public static Result RunIn(string home, params string[] args) =>
        RunWith(new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_DATA_HOME"] = Path.Combine(home, ".local/share"), ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"), ["HF_HUB_OFFLINE"] = "1" }, args);

    public static Result RunWith(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ishowtts.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.Latin1,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
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
