// Runs one normalisation rule alone, as the pipeline would, for the per-rule unit tests.
using IShowTts.Text.Normalization;
using IShowTts.Text.Normalization.Reading;
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Tests.Normalization;

internal static class RuleRunner
{
    public static string Apply(INormalizationRule rule, string text, NormalizationOptions? options = null) =>
        rule.Apply(text, new NormalizationContext(options ?? new NormalizationOptions()));

    public static string Apply(INormalizationRule rule, string text, string languageHint) =>
        Apply(rule, text, new NormalizationOptions { LanguageHint = languageHint });

    public static SpanLanguage Language(string code) => code switch
    {
        "en" => SpanLanguage.English,
        "zh" => SpanLanguage.Chinese,
        _ => throw new ArgumentException($"Test language '{code}' is neither en nor zh.", nameof(code)),
    };
}
