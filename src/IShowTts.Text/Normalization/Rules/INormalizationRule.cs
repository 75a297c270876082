// One step of the normalisation pipeline: text in, text out. A rule rewrites only what it recognises
// and leaves everything else byte for byte, so rules compose in any tested order.
namespace IShowTts.Text.Normalization.Rules;

internal interface INormalizationRule
{
    string Apply(string text, NormalizationContext context);
}
