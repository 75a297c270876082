// Reads server-sent events (event name + one JSON data line) from a response stream, skipping
// keep-alive comments; fails after a timeout instead of hanging a test.
using System.Text.Json;

namespace IShowTts.Server.Tests.Danmaku;

internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    public async Task<(string Name, JsonElement Data)> NextAsync(double seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string? name = null;
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no server-sent event within {seconds} s");
            }
            if (line is null) throw new EndOfStreamException("the event stream ended");
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
                return (name, JsonDocument.Parse(line[6..]).RootElement.Clone());
        }
    }

    public void Dispose() => _reader.Dispose();
}
