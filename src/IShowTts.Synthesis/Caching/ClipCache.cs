// Finished clips, least recently used first out, bounded by count (the original kept 512): chat's
// repeated lines ("gg", "lol", "hi chat") cost nothing the second time.
namespace IShowTts.Synthesis.Caching;

public sealed class ClipCache(int capacity = 512)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, SpeechClip Clip)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, SpeechClip Clip)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _map.Count; }
    }

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    public bool TryGet(string key, out SpeechClip clip)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                clip = node.Value.Clip;
                Hits++;
                return true;
            }
            Misses++;
            clip = null!;
            return false;
        }
    }

    public void Put(string key, SpeechClip clip)
    {
        if (capacity <= 0) return;
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing)) _order.Remove(existing);
            _map[key] = _order.AddFirst((key, clip));
            while (_map.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
            _order.Clear();
        }
    }
}
