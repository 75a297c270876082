// The language a span is read in. Only the two the model speaks; other scripts are left as written.
namespace IShowTts.Text.Normalization.Reading;

internal enum SpanLanguage
{
    English,
    Chinese,
}
