// Runs every row of cases.tsv through TextNormalizer.Normalize and checks the table's own shape:
// at least 40 English and 40 Chinese rows, chat lines among them, unique ids.
using IShowTts.Text.Normalization;

namespace IShowTts.Text.Tests.Normalization;

public sealed class CaseTableTests
{
    [Theory]
    [MemberData(nameof(CaseTable.Ids), MemberType = typeof(CaseTable))]
    public void InputReadsAsTheTableSays(string id)
    {
        var c = CaseTable.Get(id);
        var actual = TextNormalizer.Normalize(c.Input, c.Options);
        Assert.True(actual == c.Expected,
            $"cases.tsv line {c.Line} ({c.Id}), options '{c.OptionsText}'\n--- input\n{c.Input}\n--- expected\n{c.Expected}\n--- actual\n{actual}");
    }

    [Fact]
    public void TableHasAtLeastFortyRowsPerLanguageWithChatLines()
    {
        foreach (var language in new[] { "en", "zh" })
        {
            var rows = CaseTable.All.Where(c => c.Language == language).ToList();
            Assert.True(rows.Count >= 40, $"{language}: {rows.Count} rows, the issue asks for at least 40.");
            Assert.True(rows.Count(c => c.IsChat) >= 10, $"{language}: only {rows.Count(c => c.IsChat)} chat lines.");
        }
    }

    [Fact]
    public void EveryIdIsUniqueAndNamesALanguage()
    {
        var duplicates = CaseTable.All.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.All(CaseTable.All, c => Assert.Contains(c.Language, new[] { "en", "zh" }));
    }
}
