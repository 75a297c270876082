// One row of cases.tsv: an input line, its expected spoken form and the options it runs with.
// Parsing the options column is here so the table stays the single place a case is written.
using IShowTts.Text.Normalization;

namespace IShowTts.Text.Tests.Normalization;

public sealed record NormalizationCase(string Id, string Input, string Expected, string OptionsText, int Line)
{
    public string Language => Id[..Id.IndexOf('-')];

    public bool IsChat => Id.Contains("-chat-", StringComparison.Ordinal);

    public NormalizationOptions Options
    {
        get
        {
            var options = new NormalizationOptions();
            foreach (var pair in OptionsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kv = pair.Split('=', 2);
                if (kv.Length != 2) throw new FormatException($"cases.tsv line {Line}: option '{pair}' is not key=value.");
                options = kv[0] switch
                {
                    "lang" => options with { LanguageHint = kv[1] },
                    "url" => options with { UrlMode = Enum.Parse<UrlMode>(kv[1], ignoreCase: true) },
                    "emoji" => options with { EmojiMode = Enum.Parse<EmojiMode>(kv[1], ignoreCase: true) },
                    "enabled" => options with { Enabled = bool.Parse(kv[1]) },
                    _ => throw new FormatException($"cases.tsv line {Line}: unknown option '{kv[0]}' (lang, url, emoji, enabled)."),
                };
            }
            return options;
        }
    }
}
