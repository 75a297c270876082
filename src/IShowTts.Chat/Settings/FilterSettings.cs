// [danmaku.filter] (the gateway's [filter]): max_words 77, max_chars 280, allow_links false and
// banned_keywords as the original, plus modes, user lists, cooldown and repetition limits.
// Immutable: ChatReader swaps the whole object atomically when the API edits it.
namespace IShowTts.Chat.Settings;

public sealed record FilterSettings
{
    public int MaxWords { get; init; } = 77;

    public int MaxChars { get; init; } = 280;

    public bool AllowLinks { get; init; }

    /// <summary>Matched after folding case, spacing, look-alike letters and leetspeak (see docs/chat.md).</summary>
    public IReadOnlyList<string> BannedKeywords { get; init; } = [];

    public ChatMode Mode { get; init; } = ChatMode.Everyone;

    public bool IgnoreCommands { get; init; } = true;

    /// <summary>Characters that start a chat command when first in the message.</summary>
    public string CommandPrefixes { get; init; } = "!";

    /// <summary>Users (login, display name or user id; case-insensitive) exempt from mode, approval and cooldown.</summary>
    public IReadOnlyList<string> AllowedUsers { get; init; } = [];

    /// <summary>Users never read (bots, trolls).</summary>
    public IReadOnlyList<string> DeniedUsers { get; init; } = [];

    /// <summary>Seconds between two accepted messages of one user (0 = off).</summary>
    public int UserCooldownSecs { get; init; }

    /// <summary>Longest run of one character kept ("!!!!!!!!" → "!!!").</summary>
    public int MaxRepeatedChars { get; init; } = 3;

    /// <summary>Most times one word (or a 2–4 letter syllable inside a word) is kept in a row.</summary>
    public int MaxRepeatedWords { get; init; } = 3;

    public bool StripEmotes { get; init; } = true;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxWords <= 0) problems.Add($"danmaku.filter.max_words must be > 0, not {MaxWords}");
        if (MaxChars <= 0) problems.Add($"danmaku.filter.max_chars must be > 0, not {MaxChars}");
        if (UserCooldownSecs < 0) problems.Add("danmaku.filter.user_cooldown_secs must be ≥ 0");
        if (MaxRepeatedChars < 1) problems.Add("danmaku.filter.max_repeated_chars must be ≥ 1");
        if (MaxRepeatedWords < 1) problems.Add("danmaku.filter.max_repeated_words must be ≥ 1");
        foreach (var keyword in BannedKeywords)
            if (string.IsNullOrWhiteSpace(keyword)) problems.Add("danmaku.filter.banned_keywords has an empty entry");
        return problems;
    }
}
