// The writer's guarantees: a file appears whole or not at all (temp file + rename), an existing file survives
// a failed write, and inconsistent input is refused before anything is written.
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Tests.Weights.Support;
using IShowTts.Engine.Weights;

namespace IShowTts.Engine.Tests.Weights;

public sealed class SafetensorsWriterTests
{
    [Fact]
    public void AWriteThatFailsHalfwayLeavesNeitherTargetNorTemporaryFile()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("model.safetensors");

        Assert.Throws<IOException>(() => SafetensorsWriter.WriteAtomically(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("disk full");
        }));

        Assert.Empty(Directory.GetFileSystemEntries(dir.FullName));
    }

    [Fact]
    public void AFailedWriteLeavesTheExistingFileUntouched()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("model.safetensors");
        SafetensorsWriterExtensions.WriteFloat32(path, [("w", [2], [1f, 2f])]);
        var before = File.ReadAllBytes(path);

        Assert.Throws<IOException>(() => SafetensorsWriter.WriteAtomically(path, stream =>
        {
            stream.Write(new byte[64]);
            throw new IOException("disk full");
        }));
        Assert.Throws<ArgumentException>(() => SafetensorsWriter.Write(path, [("w", DType.F32, [3], new byte[8])]));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.safetensors"], Directory.GetFiles(dir.FullName).Select(Path.GetFileName));
    }

    [Fact]
    public void WhenTheRenameFailsTheTemporaryFileIsRemoved()
    {
        using var dir = new WeightsTempDirectory();
        var target = dir.File("occupied");
        Directory.CreateDirectory(target);   // a directory where the file should go: the final move fails

        Assert.ThrowsAny<IOException>(() => SafetensorsWriterExtensions.WriteFloat32(target, [("w", [1], [1f])]));

        Assert.Equal([target], Directory.GetFileSystemEntries(dir.FullName));
    }

    [Fact]
    public void WritingAgainReplacesTheFile()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("model.safetensors");
        SafetensorsWriterExtensions.WriteFloat32(path, [("old", [1], [1f])]);

        SafetensorsWriterExtensions.WriteFloat32(path, [("new", [2], [2f, 3f])]);

        using var file = SafetensorsFile.Open(path);
        Assert.Equal(["new"], file.Tensors.Keys);
        Assert.Equal([2f, 3f], SafetensorsRoundTripTests.Read(file, "new"));
    }

    [Fact]
    public void InconsistentInputIsRefusedWithTheTensorsName()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("model.safetensors");

        var wrongSize = Assert.Throws<ArgumentException>(() => SafetensorsWriter.Write(path, [("w.short", DType.F16, [2, 2], new byte[6])]));
        var twice = Assert.Throws<ArgumentException>(() => SafetensorsWriter.Write(path,
            [("dup", DType.F32, [1], new byte[4]), ("dup", DType.F32, [1], new byte[4])]));

        Assert.Contains("w.short", wrongSize.Message);
        Assert.Contains("dup", twice.Message);
        Assert.False(File.Exists(path));
    }
}
