// Golden parity of the text frontend: for every "frontend" case of every text golden file, jieba's
// segments, the token list and the ids match the official Python output exactly. Failures print
// input, expected and actual.
using IShowTts.Text.Segmentation;
using IShowTts.Text.Tests.Internal;

namespace IShowTts.Text.Tests;

[Trait("Category", "Parity")]
public sealed class FrontendParityTests
{
    public static TheoryData<string> Cases => TextGoldenSets.Cases(TextGoldenSets.Frontend);

    [Theory]
    [MemberData(nameof(Cases))]
    public void JiebaSegmentsMatchTheGolden(string caseName)
    {
        var (c, _) = TextGoldenSets.Load(caseName);
        var text = c.GetProperty("text").GetString()!;
        var expected = JsonValues.Strings(c.GetProperty("segments"));
        var actual = WordSegmenter.Default.Cut(TextFrontend.Straighten(text));
        var report = Mismatch.Describe(caseName, "segments", text, expected, actual);
        Assert.True(report is null, report);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TokensAndIdsMatchTheGolden(string caseName)
    {
        var (c, _) = TextGoldenSets.Load(caseName);
        var text = c.GetProperty("text").GetString()!;
        var expectedTokens = JsonValues.Strings(c.GetProperty("pinyin"));
        var tokens = TextFrontend.ToTokens(text);
        var report = Mismatch.Describe(caseName, "pinyin tokens", text, expectedTokens, tokens);
        Assert.True(report is null, report);

        var ids = Vocabulary.Default.Encode(tokens, out var unknown);
        report = Mismatch.Describe(caseName, "ids", text, JsonValues.Ints(c.GetProperty("ids")), ids);
        Assert.True(report is null, report);

        // The golden lists unknown tokens as sorted(set(...)) by code point.
        var expectedUnknown = JsonValues.Strings(c.GetProperty("unknown_tokens"));
        var actualUnknown = unknown.OrderBy(t => t, CodePointComparer.Instance).ToList();
        report = Mismatch.Describe(caseName, "unknown tokens", text, expectedUnknown, actualUnknown);
        Assert.True(report is null, report);
    }

    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = x!.EnumerateRunes().GetEnumerator();
            var b = y!.EnumerateRunes().GetEnumerator();
            while (true)
            {
                bool hasA = a.MoveNext(), hasB = b.MoveNext();
                if (!hasA || !hasB) return hasA.CompareTo(hasB);
                var d = a.Current.Value.CompareTo(b.Current.Value);
                if (d != 0) return d;
            }
        }
    }
}
