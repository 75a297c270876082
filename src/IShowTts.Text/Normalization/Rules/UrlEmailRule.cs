// Step 2: URLs and e-mail addresses, spoken (Reading/AddressReader) or dropped (UrlMode). A URL is
// "scheme://…", "www.…" or a bare host with a common top-level domain ("twitch.tv/foo"); it runs
// first so its digits and dots never reach the number rules.
using System.Text.RegularExpressions;
using IShowTts.Text.Normalization.Reading;

namespace IShowTts.Text.Normalization.Rules;

internal sealed partial class UrlEmailRule : INormalizationRule
{
    public string Apply(string text, NormalizationContext context)
    {
        bool drop = context.Options.UrlMode == UrlMode.Drop;
        text = Splicer.Replace(text, Email(), context, (m, lang) => drop ? "" : AddressReader.Email(m.Value, lang));
        return Splicer.Replace(text, Url(), context, (m, lang) => drop ? "" : AddressReader.Url(m.Value, lang));
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9@])")]
    private static partial Regex Email();

    // URL characters are ASCII only, so a Chinese character right after a link ends it; the last
    // character may not be sentence punctuation ("see twitch.tv/foo." keeps its full stop).
    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*[A-Za-z0-9\-_~/#@$&*+=%]" +
        @"|(?<![A-Za-z0-9@._/-])(?:[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*\.)+(?:com|net|org|tv|gg|io|cn|me|co|uk|de|jp|kr|ly|be|edu|gov|info|app|dev|xyz|live|top|link|fm|shop)(?![A-Za-z0-9-])(?:/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*[A-Za-z0-9\-_~/#@$&*+=%])?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
