// Whole-file writes (bench results, manifests) replace the file in one rename: never half a file, no
// temp files left behind.
using IShowTts.Ops.Files;

namespace IShowTts.Ops.Tests.Files;

public sealed class AtomicFileTests
{
    [Fact]
    public void AWriteReplacesTheWholeFileAndLeavesNoTempFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("result.json");
        File.WriteAllText(path, new string('x', 100_000));

        AtomicFile.WriteAllText(path, "{\"short\": true}\n");

        Assert.Equal("{\"short\": true}\n", File.ReadAllText(path));
        Assert.Equal(["result.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AWriteCreatesTheFolder()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "a", "b", "result.json");

        AtomicFile.WriteAllText(path, "1");

        Assert.Equal("1", File.ReadAllText(path));
    }

    [Fact]
    public void AnAppendedRecordMustBeOneLine()
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => AtomicFile.AppendLine(dir.File("h.jsonl"), "two\nlines"));
        Assert.False(File.Exists(dir.File("h.jsonl")));
    }
}
