// What the normaliser does with a URL or an e-mail address (docs/normalization.md, "URLs and e-mail").
// Speak reads it as words ("twitch dot TV slash foo"); Drop removes it from the text.
namespace IShowTts.Text.Normalization;

public enum UrlMode
{
    Speak,
    Drop,
}
