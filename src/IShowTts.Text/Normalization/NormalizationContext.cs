// What every rule of one Normalize call shares: the options and the language decision for a span.
// The decision itself lives in Reading/LanguageDecider; this only adds the hint as the fallback.
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Normalization;

internal sealed class NormalizationContext
{
    public NormalizationContext(NormalizationOptions options)
    {
        Options = options;
        Fallback = ParseHint(options.LanguageHint);
    }

    public NormalizationOptions Options { get; }

    /// <summary>The language of a span whose line has no Latin or Chinese letter.</summary>
    public SpanLanguage Fallback { get; }

    /// <summary>The reading language of text[start .. start+length), decided by the letters around it.</summary>
    public SpanLanguage LanguageAt(string text, int start, int length) =>
        LanguageDecider.FromContext(text, start, start + length) ?? Fallback;

    private static SpanLanguage ParseHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint)) return SpanLanguage.English;
        var primary = hint.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "en" => SpanLanguage.English,
            "zh" => SpanLanguage.Chinese,
            _ => throw new ArgumentException(
                $"LanguageHint '{hint}' is not supported: use \"en\" or \"zh\" (a region suffix such as \"zh-CN\" is fine), or leave it empty.",
                "options"),
        };
    }
}
