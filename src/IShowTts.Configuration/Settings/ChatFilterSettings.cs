// [danmaku.filter] (or [filter] in danmaku_gateway.toml): what chat messages are dropped or cut.
namespace IShowTts.Configuration;

public sealed record ChatFilterSettings(int MaxWords, int MaxChars, bool AllowLinks, IReadOnlyList<string> BannedKeywords);
