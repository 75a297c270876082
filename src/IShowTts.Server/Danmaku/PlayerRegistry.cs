// The players connected now, by id, so an SSE player (which cannot send on its stream) acknowledges
// through POST /api/danmaku/ack. Ids are the session names: a label the player chose plus a number.
using System.Collections.Concurrent;
using IShowTts.Chat;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Danmaku;

internal sealed class PlayerRegistry
{
    private readonly ConcurrentDictionary<string, PlayerSession> _players = new(StringComparer.Ordinal);
    private long _next;

    /// <summary>Opens a player on <paramref name="reader"/>; dispose the lease when the connection ends.</summary>
    public PlayerLease Open(ChatReader reader, string? label, string kind)
    {
        var safe = string.IsNullOrWhiteSpace(label) ? kind : new string(label.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(32).ToArray());
        if (safe.Length == 0) safe = kind;
        var id = $"{safe}-{Interlocked.Increment(ref _next)}";
        var session = reader.OpenPlayer(id);
        _players[id] = session;
        return new PlayerLease(session, () => _players.TryRemove(id, out _));
    }

    public PlayerSession? Find(string id) => _players.GetValueOrDefault(id);

    public int Count => _players.Count;
}

/// <summary>A registered player; Dispose unregisters it and closes its session.</summary>
internal sealed class PlayerLease(PlayerSession session, Action unregister) : IDisposable
{
    public PlayerSession Session { get; } = session;

    public string Id => Session.Name;

    public void Dispose()
    {
        unregister();
        Session.Dispose();
    }
}
