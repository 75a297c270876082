// AAC (ADTS) through an ffmpeg process (Debian package ffmpeg), the one format with no library binding
// here: 16-bit PCM goes to its stdin, ADTS frames come from its stdout and are copied to the response
// as they arrive. Without ffmpeg on PATH, aac is reported unavailable, never replaced by another format.
using System.Diagnostics;
using System.Globalization;

namespace IShowTts.Server.Codecs;

internal sealed class FfmpegAacEncoder : IAudioEncoder
{
    private static readonly Lazy<string?> Executable = new(FindFfmpeg);
    private readonly Process _process;
    private readonly Task _pump;
    private readonly Task<string> _errors;

    public FfmpegAacEncoder(Stream output, int sampleRate)
    {
        var exe = Executable.Value ?? throw new InvalidOperationException(Unavailable());
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-hide_banner", "-loglevel", "error", "-f", "s16le", "-ar", sampleRate.ToString(CultureInfo.InvariantCulture),
                     "-ac", "1", "-i", "pipe:0", "-c:a", "aac", "-b:a", "64k", "-f", "adts", "pipe:1" })
            start.ArgumentList.Add(a);
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {exe}");
        _errors = _process.StandardError.ReadToEndAsync();
        _pump = PumpAsync(_process.StandardOutput.BaseStream, output);
    }

    /// <summary>Null when ffmpeg is on PATH; else what to install.</summary>
    public static string? Unavailable() =>
        Executable.Value is null ? "aac needs ffmpeg, which is not installed (Debian package ffmpeg); mp3, opus, flac, wav and pcm work without it" : null;

    public async ValueTask WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancel)
    {
        try
        {
            await _process.StandardInput.BaseStream.WriteAsync(PcmEncoder.ToPcm16(samples.Span), cancel);
            await _process.StandardInput.BaseStream.FlushAsync(cancel);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"ffmpeg stopped: {await ErrorsAsync()}", e);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancel)
    {
        _process.StandardInput.Close();
        await _pump.WaitAsync(cancel);
        await _process.WaitForExitAsync(cancel);
        if (_process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed ({_process.ExitCode}): {await ErrorsAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        try { await _pump; } catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
        _process.Dispose();
    }

    private async Task<string> ErrorsAsync() => (await _errors.WaitAsync(TimeSpan.FromSeconds(2))).Trim();

    private static async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, n));
            await to.FlushAsync();
        }
    }

    private static string? FindFfmpeg()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
