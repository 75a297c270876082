// One currency: its English names (major and, where spoken, minor unit) and its Chinese name.
// MinorEnglish null means amounts read as decimals ("ninety nine point five yuan").
namespace IShowTts.Text.Normalization.Tables;

internal sealed record Currency(string English, string EnglishPlural, string? MinorEnglish, string? MinorEnglishPlural, string Chinese);
