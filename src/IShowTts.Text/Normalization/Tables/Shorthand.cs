// One chat abbreviation and what a speaker says for it in English and in Chinese context.
// For an English abbreviation both readings are the English phrase; for a pinyin one both are Chinese.
namespace IShowTts.Text.Normalization.Tables;

internal sealed record Shorthand(string Written, string English, string Chinese);
