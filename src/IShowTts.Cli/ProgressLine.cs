// Progress and messages on stderr: a progress line is redrawn in place on a terminal and printed
// once per change otherwise (logs, CI), so stdout stays clean for data.
namespace IShowTts.Cli;

public sealed class ProgressLine
{
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private string _last = "";

    public void Progress(string text)
    {
        if (text == _last) return;
        _last = text;
        if (_terminal) Console.Error.Write($"\r{text,-70}");
        else Console.Error.WriteLine(text);
    }

    public void Line(string text)
    {
        if (_terminal && _last.Length > 0) Console.Error.Write($"\r{new string(' ', 70)}\r");
        _last = "";
        Console.Error.WriteLine(text);
    }
}
