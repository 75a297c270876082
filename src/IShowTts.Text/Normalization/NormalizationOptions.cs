// Per-request switches for TextNormalizer: on by default, URLs spoken, common emoji named, language
// decided from the text. Plain data; validation of LanguageHint happens in TextNormalizer.
namespace IShowTts.Text.Normalization;

public sealed record NormalizationOptions
{
    public static NormalizationOptions Default { get; } = new();

    /// <summary>False returns the text unchanged (the official tokenisation then sees the raw text).</summary>
    public bool Enabled { get; init; } = true;

    public UrlMode UrlMode { get; init; } = UrlMode.Speak;

    public EmojiMode EmojiMode { get; init; } = EmojiMode.Name;

    /// <summary>
    /// "en" or "zh" (a region suffix such as "zh-CN" is accepted): the reading language for a span
    /// whose line holds no Latin or Chinese letter at all ("666", "50%"); null means English.
    /// Letters in the text always win over the hint.
    /// </summary>
    public string? LanguageHint { get; init; }
}
