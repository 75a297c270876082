// [danmaku.queue] (the gateway's [queue]): capacity 512 and rate_limit_per_sec 10 as the original,
// plus the admission, age, prefetch and playback limits this reader adds. 0 turns an optional limit off.
namespace IShowTts.Chat.Settings;

public sealed record QueueSettings
{
    /// <summary>Items waiting, being synthesised or ready (not yet sent to players) at most.</summary>
    public int Capacity { get; init; } = 512;

    /// <summary>Messages admitted per second (a token bucket holding max(1, rate)); Gift and Paid are exempt; 0 = unlimited.</summary>
    public double RateLimitPerSec { get; init; } = 10;

    /// <summary>Same user, same channel, same text within this many seconds is dropped as a duplicate.</summary>
    public int DuplicateWindowSecs { get; init; } = 30;

    /// <summary>An item not sent to players within this many seconds of arriving is dropped as stale.</summary>
    public int MaxAgeSecs { get; init; } = 120;

    /// <summary>Characters one user may have admitted per minute (0 = no quota); Gift and Paid are exempt.</summary>
    public int UserCharsPerMinute { get; init; }

    /// <summary>Items synthesised (or being synthesised) ahead of playback.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Items sent to players and not finished at most: the playing one plus what they buffer.</summary>
    public int PlayerBuffer { get; init; } = 2;

    /// <summary>A playing item no player acknowledges ends this long after its clip's duration.</summary>
    public int AckGraceSecs { get; init; } = 10;

    /// <summary>Played/skipped items kept in the history.</summary>
    public int HistorySize { get; init; } = 100;

    /// <summary>Items sent to players kept so a reconnecting player gets what it did not acknowledge.</summary>
    public int ResumeSize { get; init; } = 20;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Capacity <= 0) problems.Add($"danmaku.queue.capacity must be > 0, not {Capacity}");
        if (RateLimitPerSec < 0 || !double.IsFinite(RateLimitPerSec)) problems.Add($"danmaku.queue.rate_limit_per_sec must be ≥ 0 (0 = unlimited), not {RateLimitPerSec}");
        if (DuplicateWindowSecs < 0) problems.Add("danmaku.queue.duplicate_window_secs must be ≥ 0");
        if (MaxAgeSecs < 0) problems.Add("danmaku.queue.max_age_secs must be ≥ 0 (0 = no limit)");
        if (UserCharsPerMinute < 0) problems.Add("danmaku.queue.user_chars_per_minute must be ≥ 0");
        if (Prefetch < 1) problems.Add($"danmaku.queue.prefetch must be ≥ 1, not {Prefetch}");
        if (PlayerBuffer < 1) problems.Add($"danmaku.queue.player_buffer must be ≥ 1, not {PlayerBuffer}");
        if (AckGraceSecs < 0) problems.Add("danmaku.queue.ack_grace_secs must be ≥ 0");
        if (HistorySize < 0) problems.Add("danmaku.queue.history_size must be ≥ 0");
        if (ResumeSize < 0) problems.Add("danmaku.queue.resume_size must be ≥ 0");
        return problems;
    }
}
