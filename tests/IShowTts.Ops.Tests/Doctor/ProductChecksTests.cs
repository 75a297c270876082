// doctor's model checks: the files' SHA-256 recorded the first time and compared after; a change or an
// unreadable record is a problem with the command that fixes it.
using IShowTts.Ops.Doctor;

namespace IShowTts.Ops.Tests.Doctor;

public sealed class ProductChecksTests
{
    [Fact]
    public void ChecksumsAreRecordedThenConfirmedThenAChangeIsFlagged()
    {
        using var dir = new TempDirectory();
        var f5 = dir.File("model_1250000.safetensors");
        var vocos = dir.File("pytorch_model.bin");
        File.WriteAllText(f5, "f5 weights");
        File.WriteAllText(vocos, "vocos weights");
        var record = ProductChecks.ChecksumRecord(dir.File("data"));

        var first = ProductChecks.Checksums([f5, vocos], record);
        var second = ProductChecks.Checksums([f5, vocos], record);
        File.WriteAllText(f5, "f5 weights, corrupted");
        var third = ProductChecks.Checksums([f5, vocos], record);

        Assert.Equal(Path.Combine(dir.Path, "data", "doctor", "model-checksums.json"), record);
        Assert.Equal(CheckStatus.Ok, first.Status);
        Assert.EndsWith("(recorded now)", first.Detail);
        // SHA-256("f5 weights") starts 3c0a…; the detail names each file with the first 16 hex digits.
        Assert.Contains($"model_1250000.safetensors {Sha("f5 weights")[..16]}…", first.Detail);
        Assert.True(File.Exists(record));
        Assert.Equal(CheckStatus.Ok, second.Status);
        Assert.EndsWith("(as recorded)", second.Detail);
        Assert.Equal(CheckStatus.Failed, third.Status);
        Assert.Contains($"{f5} changed since", third.Detail);
        Assert.Contains($"was {Sha("f5 weights")[..16]}…, now {Sha("f5 weights, corrupted")[..16]}…", third.Detail);
        Assert.DoesNotContain("pytorch_model.bin", third.Detail);
        Assert.Contains("ishowtts download", third.Fix);
        Assert.Contains(record, third.Fix);
    }

    [Fact]
    public void AnUnreadableRecordIsAProblemThatSaysToDeleteIt()
    {
        using var dir = new TempDirectory();
        var f5 = dir.File("model.safetensors");
        File.WriteAllText(f5, "weights");
        var record = dir.File("model-checksums.json");
        File.WriteAllText(record, "{ not json");

        var check = ProductChecks.Checksums([f5], record);

        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Contains("unreadable", check.Detail);
        Assert.StartsWith($"delete {record}", check.Fix);
    }

    private static string Sha(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
