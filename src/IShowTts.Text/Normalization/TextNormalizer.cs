// Entry point of text normalisation: runs the rule pipeline (Rules/) over one request's text before
// the official tokenisation. Stateless and thread-safe; it does not segment, convert to pinyin or
// chunk — those are the frontend's later steps.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Normalization;

public static class TextNormalizer
{
    /// <summary>
    /// Rewrites numbers, dates, times, money, percentages, units, URLs, e-mail addresses, emoji,
    /// usernames and chat shorthand into the words a speaker would say (docs/normalization.md).
    /// </summary>
    /// <exception cref="ArgumentException">LanguageHint is neither "en" nor "zh".</exception>
    public static string Normalize(string text, NormalizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= NormalizationOptions.Default;
        if (!options.Enabled || text.Length == 0) return text;

        var context = new NormalizationContext(options);
        foreach (var rule in NormalizationPipeline.Rules)
            text = rule.Apply(text, context);
        return text;
    }
}
