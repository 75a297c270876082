// The rules in the order they run. Order is the design: each rule consumes the digits it reads, so a
// later, more general rule only sees what the specific ones left (URL before number, date before
// range, unit before cardinal). docs/normalization.md explains each step.
using IShowTts.Text.Normalization.Rules;

namespace IShowTts.Text.Normalization;

internal static class NormalizationPipeline
{
    public static IReadOnlyList<INormalizationRule> Rules { get; } =
    [
        new FullwidthRule(),
        new UrlEmailRule(),
        new EmojiRule(),
        new UsernameRule(),
        new ChatShorthandRule(),
        new DateRule(),
        new TimeRule(),
        new MoneyRule(),
        new PercentRule(),
        new MeasureRule(),
        new OrdinalRule(),
        new ChatNumberRule(),
        new NumberPairRule(),
        new CardinalRule(),
        new WhitespaceRule(),
    ];
}
