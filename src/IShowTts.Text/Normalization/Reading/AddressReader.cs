// Spoken form of a URL or an e-mail address, after NeMo's electronic verbaliser: "dot", "slash",
// "at", "dash", "underscore" (点, 斜杠, 艾特, 杠, 下划线 in Chinese), digits one by one, a country-code
// or unfamiliar top-level domain spelled in capitals. Unlike NeMo it drops the scheme, "www.", the
// query and the fragment: nobody says "h t t p s colon slash slash" in chat.
using System.Text.RegularExpressions;

namespace IShowTts.Text.Normalization.Reading;

internal static partial class AddressReader
{
    private static readonly HashSet<string> WordDomains =
        new(["com", "net", "org", "edu", "gov", "info", "app", "dev", "live", "top", "link", "shop"], StringComparer.OrdinalIgnoreCase);

    public static string Url(string url, SpanLanguage language)
    {
        var rest = SchemePrefix().Replace(url, "");
        int cut = rest.IndexOfAny(['?', '#']);
        if (cut >= 0) rest = rest[..cut];
        rest = rest.TrimEnd('/');
        int slash = rest.IndexOf('/');
        var host = slash < 0 ? rest : rest[..slash];
        var pieces = new List<string> { Host(host, language) };
        if (slash >= 0)
            foreach (var segment in rest[(slash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                pieces.Add(language == SpanLanguage.Chinese ? "斜杠" : "slash");
                pieces.Add(Label(segment, language));
            }
        return CharClass.Join(pieces);
    }

    public static string Email(string email, SpanLanguage language)
    {
        int at = email.LastIndexOf('@');
        return CharClass.Join([
            Label(email[..at], language),
            language == SpanLanguage.Chinese ? "艾特" : "at",
            Host(email[(at + 1)..], language),
        ]);
    }

    private static string Host(string host, SpanLanguage language)
    {
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var pieces = new List<string>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (i > 0) pieces.Add(Dot(language));
            bool topLevel = i == labels.Length - 1 && labels.Length > 1;
            pieces.Add(topLevel && !WordDomains.Contains(labels[i]) && labels[i].All(char.IsAsciiLetter)
                ? labels[i].ToUpperInvariant()
                : Label(labels[i], language));
        }
        return CharClass.Join(pieces);
    }

    /// <summary>One label or path segment: letters as written, digits one by one, separators named.</summary>
    private static string Label(string label, SpanLanguage language)
    {
        bool chinese = language == SpanLanguage.Chinese;
        var pieces = new List<string>();
        foreach (Match run in LabelRun().Matches(label))
        {
            var v = run.Value;
            pieces.Add(v[0] switch
            {
                _ when char.IsAsciiDigit(v[0]) => chinese ? ChineseNumbers.Digits(v) : EnglishNumbers.Digits(v),
                _ when char.IsAsciiLetter(v[0]) => v,
                '.' => Dot(language),
                '-' => chinese ? "杠" : "dash",
                '_' => chinese ? "下划线" : "underscore",
                _ => "",
            });
        }
        return CharClass.Join(pieces);
    }

    private static string Dot(SpanLanguage language) => language == SpanLanguage.Chinese ? "点" : "dot";

    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:www\.)?", RegexOptions.IgnoreCase)]
    private static partial Regex SchemePrefix();

    [GeneratedRegex(@"[A-Za-z]+|[0-9]+|.")]
    private static partial Regex LabelRun();
}
