// One connected player (a browser tab, an OBS overlay, a WebSocket or SSE connection). Created by
// SpeechQueue.OpenPlayer: it first receives every item sent before and not acknowledged (Resent),
// then live events. Acknowledge an item when it finished playing; Dispose when the player goes.
using System.Threading.Channels;

namespace IShowTts.Chat.Queue;

public sealed class PlayerSession : IDisposable
{
    private readonly Channel<PlayoutEvent> _events = Channel.CreateUnbounded<PlayoutEvent>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly SpeechQueue _queue;
    private int _disposed;

    internal PlayerSession(SpeechQueue queue, string name)
    {
        _queue = queue;
        Name = name;
    }

    public string Name { get; }

    public ChannelReader<PlayoutEvent> Reader => _events.Reader;

    public IAsyncEnumerable<PlayoutEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>The player finished <paramref name="itemId"/>: it is played, the next one may start, and it is not resent.</summary>
    public bool Acknowledge(long itemId) => _queue.Acknowledge(itemId, Name);

    internal void Send(PlayoutEvent playout) => _events.Writer.TryWrite(playout);

    internal void Complete() => _events.Writer.TryComplete();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.ClosePlayer(this);
        Complete();
    }
}
