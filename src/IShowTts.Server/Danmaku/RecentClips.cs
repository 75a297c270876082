// The WAV bytes of the most recent chat clips by queue item id, for GET /api/danmaku/clips/{id} (SSE
// players fetch audio by URL). Bounded: the oldest clip goes when a new one would pass the capacity,
// which covers the items being synthesised ahead, those at the players and the resend window.
namespace IShowTts.Server.Danmaku;

internal sealed class RecentClips(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, byte[]> _clips = [];
    private readonly Queue<long> _order = new();

    public int Capacity { get; } = Math.Max(1, capacity);

    public void Add(long itemId, byte[] wav)
    {
        lock (_gate)
        {
            if (_clips.TryAdd(itemId, wav)) _order.Enqueue(itemId);
            else _clips[itemId] = wav;
            while (_order.Count > Capacity) _clips.Remove(_order.Dequeue());
        }
    }

    public byte[]? Find(long itemId)
    {
        lock (_gate) return _clips.GetValueOrDefault(itemId);
    }
}
