// Fans one event out to every current EventSubscription; publishing never blocks.
namespace IShowTts.Chat.Internal;

internal sealed class Broadcaster<T>
{
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private EventSubscription<T>[] _subscribers = [];

    public Broadcaster(int capacity = 4096) => _capacity = capacity;

    public EventSubscription<T> Subscribe()
    {
        var subscription = new EventSubscription<T>(_capacity, Remove);
        lock (_gate) _subscribers = [.. _subscribers, subscription];
        return subscription;
    }

    public void Publish(T item)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
            subscriber.Publish(item);
    }

    public void CompleteAll()
    {
        EventSubscription<T>[] all;
        lock (_gate) (all, _subscribers) = (_subscribers, []);
        foreach (var subscriber in all) subscriber.Complete();
    }

    private void Remove(EventSubscription<T> subscription)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
    }
}
