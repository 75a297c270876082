// [danmaku.filter] (or [filter] in danmaku_gateway.toml): what chat messages are dropped or cut.
namespace IShowTts.Configuration;

public sealed record ChatFilterSection(int MaxWords, int MaxChars, bool AllowLinks, IReadOnlyList<string> BannedKeywords);
