// One reader of an event stream (messages, queue changes, connection changes). Registered when
// created, so nothing published afterwards is missed; a slow reader loses its oldest events first
// (the capacity is generous) instead of slowing the reader down. Dispose to stop receiving.
using System.Threading.Channels;

namespace IShowTts.Chat;

public sealed class EventSubscription<T> : IDisposable
{
    private readonly Channel<T> _channel;
    private readonly Action<EventSubscription<T>> _unsubscribe;

    internal EventSubscription(int capacity, Action<EventSubscription<T>> unsubscribe)
    {
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
        });
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<T> Reader => _channel.Reader;

    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    internal void Publish(T item) => _channel.Writer.TryWrite(item);

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _unsubscribe(this);
        Complete();
    }
}
