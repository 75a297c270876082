// One unit of measure as written after a number, with its English singular and plural and its
// Chinese reading. AttachedOnly marks one-letter symbols ("5m") that a space would make ambiguous.
namespace IShowTts.Text.Normalization.Tables;

internal sealed record Unit(string Symbol, string English, string EnglishPlural, string Chinese, bool AttachedOnly = false);
