// Loads Normalization/cases.tsv, the case table that drives CaseTableTests. The file is read from
// the source tree (this file's directory at build time, else the repository root), so adding a row
// needs no project change. Malformed rows fail loudly with their line number.
using System.Runtime.CompilerServices;
using IShowTts.TestSupport;

namespace IShowTts.Text.Tests.Normalization;

public static class CaseTable
{
    private const string RelativePath = "tests/IShowTts.Text.Tests/Normalization/cases.tsv";

    private static readonly Lazy<IReadOnlyList<NormalizationCase>> Loaded = new(() => Load(FindFile()));

    public static IReadOnlyList<NormalizationCase> All => Loaded.Value;

    public static NormalizationCase Get(string id) => All.Single(c => c.Id == id);

    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Id);
            return data;
        }
    }

    public static IReadOnlyList<NormalizationCase> Load(string path)
    {
        var cases = new List<NormalizationCase>();
        var lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length is < 3 or > 4 || !columns[0].Contains('-'))
                throw new FormatException($"{path} line {i + 1}: expected id<TAB>input<TAB>expected[<TAB>options] with an id like en-… or zh-…, got {columns.Length} columns.");
            cases.Add(new NormalizationCase(columns[0], columns[1], columns[2], columns.Length == 4 ? columns[3] : "", i + 1));
        }
        return cases;
    }

    private static string FindFile([CallerFilePath] string thisFile = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(thisFile) ?? "", "cases.tsv");
        if (File.Exists(beside)) return beside;
        var fromRoot = Path.Combine(RepositoryRoot.Find(), RelativePath);
        if (File.Exists(fromRoot)) return fromRoot;
        throw new FileNotFoundException($"The normalisation case table is neither at {beside} nor at {fromRoot}.");
    }
}
