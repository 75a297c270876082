// SafetensorsWriter → SafetensorsFile round trips in F32, F16 and BF16: names, shapes, metadata, raw bytes
// and the float32 conversion; plus opening by content rather than extension.
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Tests.Weights.Support;
using IShowTts.Engine.Weights;

namespace IShowTts.Engine.Tests.Weights;

public sealed class SafetensorsRoundTripTests
{
    // Values with at most 8 significant bits and small exponents: exact in F32, F16 and BF16 alike.
    private static float[] ExactValues(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => rng.Next(-255, 256) / 64f).ToArray();
    }

    [Theory]
    [InlineData(DType.F32)]
    [InlineData(DType.F16)]
    [InlineData(DType.BF16)]
    public void WrittenTensorsReadBackWithTheirShapesAndValues(DType dtype)
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("model.safetensors");
        var matrix = ExactValues(3 * 5, seed: 1);
        var kernel = ExactValues(4 * 1 * 7, seed: 2);
        var scalar = new[] { -2.5f };
        SafetensorsWriter.Write(path,
        [
            ("layer.weight", dtype, [3, 5], matrix.ToBytes(dtype)),
            ("conv.weight", dtype, [4, 1, 7], kernel.ToBytes(dtype)),
            ("scale", dtype, [], scalar.ToBytes(dtype)),
            ("empty", dtype, [0, 3], Array.Empty<float>().ToBytes(dtype)),
        ], new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünïcode" });

        using var file = SafetensorsFile.Open(path);

        Assert.Equal(["conv.weight", "empty", "layer.weight", "scale"], file.Tensors.Keys.Order());
        Assert.Empty(file.Unreadable);
        Assert.Equal("ünïcode", file.Metadata["note"]);
        Assert.Equal(dtype, file.Tensors["layer.weight"].DType);
        Assert.Equal([4L, 1, 7], file.Tensors["conv.weight"].Shape);
        Assert.Equal(28, file.Tensors["conv.weight"].ElementCount);
        Assert.Equal(1, file.Tensors["scale"].ElementCount);
        Assert.Equal(0, file.Tensors["empty"].ElementCount);
        Assert.Equal(matrix, Read(file, "layer.weight"));
        Assert.Equal(kernel, Read(file, "conv.weight"));
        Assert.Equal(scalar, Read(file, "scale"));
        Assert.Empty(Read(file, "empty"));
        var raw = new byte[file.Tensors["conv.weight"].ByteLength];
        file.CopyRaw("conv.weight", raw);
        Assert.Equal(kernel.ToBytes(dtype).ToArray(), raw);
    }

    [Fact]
    public void HalfPrecisionValuesReadBackAsTheirRoundedFloat32()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("half.safetensors");
        var values = new[] { 0.1f, -3.14159f, 65504f, 1e-7f, float.PositiveInfinity, 1f / 3 };
        SafetensorsWriter.Write(path, [("x", DType.F16, [values.Length], values.ToF16Bytes())]);

        using var file = SafetensorsFile.Open(path);

        Assert.Equal(values.Select(v => (float)(Half)v).ToArray(), Read(file, "x"));
    }

    [Fact]
    public void BFloat16RoundsToNearestEvenAndWidensExactly()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("bf16.safetensors");
        // 1 + 2^-8 lies halfway between 1 and 1 + 2^-7 (rounds to even: 1); 1 + 3·2^-8 halfway between
        // 1 + 2^-7 and 1 + 2^-6 (rounds to even: 1 + 2^-6); 1 + 2^-8 + 2^-20 is past halfway (up).
        var values = new[] { 1f + 1f / 256, 1f + 3f / 256, 1f + 1f / 256 + 1f / (1 << 20), -0f, float.NegativeInfinity, float.NaN };
        SafetensorsWriter.Write(path, [("x", DType.BF16, [values.Length], values.ToBF16Bytes())]);

        using var file = SafetensorsFile.Open(path);
        var read = Read(file, "x");

        Assert.Equal(1f, read[0]);
        Assert.Equal(1f + 1f / 64, read[1]);
        Assert.Equal(1f + 1f / 128, read[2]);
        Assert.True(float.IsNegative(read[3]) && read[3] == 0);
        Assert.Equal(float.NegativeInfinity, read[4]);
        Assert.True(float.IsNaN(read[5]));
    }

    [Fact]
    public void DataRegionStartsEightByteAligned()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("aligned.safetensors");
        SafetensorsWriter.Write(path, [("a", DType.F32, [1], new[] { 1f }.AsF32Bytes())]);

        var headerLength = BitConverter.ToUInt64(File.ReadAllBytes(path), 0);

        Assert.Equal(0UL, (8 + headerLength) % 8);
    }

    [Fact]
    public void ReadingNeedsADestinationOfTheTensorsExactSize()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("m.safetensors");
        SafetensorsWriterExtensions.WriteFloat32(path, [("w", [2, 2], [1f, 2f, 3f, 4f])]);
        using var file = SafetensorsFile.Open(path);

        Assert.Throws<ArgumentException>(() => file.ReadFloat32("w", new float[3]));
        Assert.Throws<ArgumentException>(() => file.CopyRaw("w", new byte[15]));
    }

    [Fact]
    public void AskingForAnAbsentTensorNamesItAndTheFile()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("m.safetensors");
        SafetensorsWriterExtensions.WriteFloat32(path, [("w", [1], [1f])]);
        using var file = SafetensorsFile.Open(path);

        var error = Assert.Throws<EngineException>(() => file.ReadFloat32("nope.weight", new float[1]));

        Assert.Contains("nope.weight", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AFileWithNoTensorsOpensEmpty()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("empty.safetensors");
        SafetensorsWriter.Write(path, [], new Dictionary<string, string> { ["k"] = "v" });

        using var file = SafetensorsFile.Open(path);

        Assert.Empty(file.Tensors);
        Assert.Equal("v", file.Metadata["k"]);
    }

    [Fact]
    public void WeightFilesChoosesTheReaderByContentNotExtension()
    {
        using var dir = new WeightsTempDirectory();
        var safetensorsNamedBin = dir.File("weights.bin");
        SafetensorsWriterExtensions.WriteFloat32(safetensorsNamedBin, [("w", [2], [1f, 2f])]);
        var zipNamedSafetensors = dir.File("weights.safetensors");
        File.Copy(Path.Combine(IShowTts.TestSupport.Golden.Directory, "pytorch-format", "tiny_vocos.bin"), zipNamedSafetensors);

        using var a = WeightFiles.Open(safetensorsNamedBin);
        using var b = WeightFiles.Open(zipNamedSafetensors);

        Assert.IsType<SafetensorsFile>(a);
        Assert.IsType<PyTorchCheckpoint>(b);
        Assert.Equal([1f, 2f], Read(a, "w"));
    }

    [Fact]
    public void ALegacyPyTorchPickleIsRefusedByName()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("old.pt");
        File.WriteAllBytes(path, [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]);

        var error = Assert.Throws<EngineException>(() => WeightFiles.Open(path));

        Assert.Contains("legacy", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AMissingFileIsAnEngineExceptionNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid().ToString("N") + ".safetensors");

        var error = Assert.Throws<EngineException>(() => WeightFiles.Open(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ReadsAfterDisposeAreRefused()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("m.safetensors");
        SafetensorsWriterExtensions.WriteFloat32(path, [("w", [1], [1f])]);
        var file = SafetensorsFile.Open(path);
        file.Dispose();

        Assert.Throws<ObjectDisposedException>(() => file.ReadFloat32("w", new float[1]));
    }

    internal static float[] Read(IWeightFile file, string name)
    {
        var values = new float[file.Tensors[name].ElementCount];
        file.ReadFloat32(name, values);
        return values;
    }
}
