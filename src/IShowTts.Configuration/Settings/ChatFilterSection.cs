// [danmaku.filter] (or [filter] in danmaku_gateway.toml): what chat messages are dropped or cut — the
// original's four keys plus modes, commands, user lists, cooldown, repetition and emotes.
namespace IShowTts.Configuration;

public sealed record ChatFilterSection(int MaxWords, int MaxChars, bool AllowLinks, IReadOnlyList<string> BannedKeywords)
{
    /// <summary>"everyone", "subscribers", "paid" or "approval".</summary>
    public string Mode { get; init; } = "everyone";
    public bool IgnoreCommands { get; init; } = true;
    public string CommandPrefixes { get; init; } = "!";
    public IReadOnlyList<string> AllowedUsers { get; init; } = [];
    public IReadOnlyList<string> DeniedUsers { get; init; } = [];
    public int UserCooldownSecs { get; init; }
    public int MaxRepeatedChars { get; init; } = 3;
    public int MaxRepeatedWords { get; init; } = 3;
    public bool StripEmotes { get; init; } = true;
}
