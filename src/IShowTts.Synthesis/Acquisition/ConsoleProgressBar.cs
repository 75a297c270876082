// A download progress bar for a terminal: "file  [#####-----]  41%  553.2/1348.0 MB  31.5 MB/s",
// redrawn in place at most ten times a second; on a log (not a terminal) one line per 10% instead.
// It only formats; the caller picks the writer (stderr, so stdout stays clean for data).
using System.Diagnostics;
using System.Globalization;

namespace IShowTts.Synthesis.Acquisition;

public sealed class ConsoleProgressBar(TextWriter writer, bool interactive, int width = 24) : IProgress<DownloadProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string _file = "";
    private long _startBytes;
    private TimeSpan _startTime;
    private TimeSpan _lastDraw = TimeSpan.MinValue;
    private int _lastDecile = -1;
    private bool _lineOpen;

    public void Report(DownloadProgress p)
    {
        var name = $"{p.Repo}/{p.FileName}";
        if (name != _file)
        {
            EndLine();
            (_file, _startBytes, _startTime, _lastDecile) = (name, p.Bytes, _clock.Elapsed, -1);
        }
        switch (p.Stage)
        {
            case DownloadStage.Checking:
                return;
            case DownloadStage.Cached:
                Line($"{name}: in the cache");
                return;
            case DownloadStage.Verifying:
                Draw(p, "verifying", force: true);
                return;
            case DownloadStage.Done:
                Draw(p, "done", force: true);
                EndLine();
                return;
            default:
                Draw(p, null, force: false);
                return;
        }
    }

    /// <summary>The text of one bar, without the carriage return.</summary>
    public string Format(DownloadProgress p, string? state = null)
    {
        var name = Path.GetFileName(p.FileName);
        var speed = Speed(p);
        if (p.TotalBytes is not long total || total <= 0)
            return $"{name}  {Megabytes(p.Bytes)} MB  {speed}{(state is null ? "" : "  " + state)}";
        double fraction = Math.Clamp((double)p.Bytes / total, 0, 1);
        int filled = (int)Math.Round(fraction * width);
        var bar = new string('#', filled) + new string('-', width - filled);
        return $"{name}  [{bar}] {fraction * 100,3:0}%  {Megabytes(p.Bytes)}/{Megabytes(total)} MB  {state ?? speed}";
    }

    private void Draw(DownloadProgress p, string? state, bool force)
    {
        var now = _clock.Elapsed;
        if (interactive)
        {
            if (!force && now - _lastDraw < TimeSpan.FromMilliseconds(100)) return;
            _lastDraw = now;
            writer.Write("\r" + Format(p, state).PadRight(78));
            _lineOpen = true;
            writer.Flush();
            return;
        }
        int decile = p.TotalBytes is long total && total > 0 ? (int)(10 * p.Bytes / total) : -1;
        if (!force && decile == _lastDecile) return;
        _lastDecile = decile;
        writer.WriteLine(Format(p, state));
    }

    private void Line(string text)
    {
        EndLine();
        writer.WriteLine(text);
    }

    private void EndLine()
    {
        if (!_lineOpen) return;
        writer.WriteLine();
        _lineOpen = false;
    }

    private string Speed(DownloadProgress p)
    {
        var seconds = (_clock.Elapsed - _startTime).TotalSeconds;
        if (seconds < 0.5) return "";
        return $"{Megabytes((long)((p.Bytes - _startBytes) / seconds))} MB/s";
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
