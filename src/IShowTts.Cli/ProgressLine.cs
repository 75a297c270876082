// Progress and messages on stderr: a progress line is redrawn in place on a terminal; otherwise (logs,
// cron, CI) it is printed as a line at most every two seconds, and the last state is always printed
// before the next message, so a log shows where the work stood without one line per step. stdout stays
// clean for data.
using System.Diagnostics;

namespace IShowTts.Cli;

public sealed class ProgressLine
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(2);

    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly Stopwatch _sincePrinted = new();
    private string _last = "";
    private string? _pending;

    public void Progress(string text)
    {
        if (text == _last) return;
        _last = text;
        if (_terminal)
        {
            Console.Error.Write($"\r{text,-70}");
            return;
        }
        if (_sincePrinted.IsRunning && _sincePrinted.Elapsed < LogInterval)
        {
            _pending = text;
            return;
        }
        Console.Error.WriteLine(text);
        _pending = null;
        _sincePrinted.Restart();
    }

    public void Line(string text)
    {
        if (_terminal && _last.Length > 0) Console.Error.Write($"\r{new string(' ', 70)}\r");
        if (_pending is not null) Console.Error.WriteLine(_pending);
        _pending = null;
        _last = "";
        _sincePrinted.Reset();
        Console.Error.WriteLine(text);
    }
}
