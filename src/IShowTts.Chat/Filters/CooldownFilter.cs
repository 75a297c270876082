// Per-user cooldown: after an accepted message a user waits user_cooldown_secs before the next one is
// read. The only stateful filter; thread-safe; keyed by platform, channel and user id (or login).
using System.Collections.Concurrent;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Filters;

public sealed class CooldownFilter : IChatFilter
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastAccepted = new(StringComparer.OrdinalIgnoreCase);

    public FilterVerdict Apply(FilterContext context)
    {
        var seconds = context.Settings.UserCooldownSecs;
        if (seconds <= 0 || context.Trusted || context.IsSystem) return FilterVerdict.Continue;
        var message = context.Message;
        var key = $"{message.Platform}/{message.Channel}/{message.UserId ?? message.Username}";
        var cooldown = TimeSpan.FromSeconds(seconds);
        while (true)
        {
            if (_lastAccepted.TryGetValue(key, out var last))
            {
                var wait = last + cooldown - context.Now;
                if (wait > TimeSpan.Zero)
                    return FilterVerdict.Reject(DropReason.Cooldown, $"{message.Username} may speak again in {Math.Ceiling(wait.TotalSeconds)} s");
                if (_lastAccepted.TryUpdate(key, context.Now, last)) break;
            }
            else if (_lastAccepted.TryAdd(key, context.Now)) break;
        }
        if (_lastAccepted.Count > 10_000) Prune(context.Now - cooldown);
        return FilterVerdict.Continue;
    }

    private void Prune(DateTimeOffset before)
    {
        foreach (var (key, at) in _lastAccepted)
            if (at < before) _lastAccepted.TryRemove(key, out _);
    }
}
