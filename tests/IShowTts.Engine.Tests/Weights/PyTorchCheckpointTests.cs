// The torch.save reader: the shared fixtures (float32 bit-identical to the safetensors copy, float16 kept as
// float16, a hostile pickle refused by the name of its global) and hand-built checkpoints for the cases
// the fixtures do not cover (EMA state dicts, shared storages, deflated blobs, layouts and dtypes not read).
using System.IO.Compression;
using System.Runtime.InteropServices;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Tests.Weights.Support;
using IShowTts.Engine.Weights;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.Weights;

public sealed class PyTorchCheckpointTests
{
    private static string Fixture(string name) => Path.Combine(Golden.Directory, "pytorch-format", name);
    private static string TinyVocosSafetensors => Path.Combine(Golden.Directory, "f5-tiny", "tiny_vocos.safetensors");

    [Fact]
    public void Float32CheckpointLoadsBitIdenticalToItsSafetensorsCopy()
    {
        using var reference = SafetensorsFile.Open(TinyVocosSafetensors);
        using var checkpoint = WeightFiles.Open(Fixture("tiny_vocos.bin"));

        Assert.IsType<PyTorchCheckpoint>(checkpoint);
        Assert.Equal(reference.Tensors.Keys.Order(), checkpoint.Tensors.Keys.Order());
        Assert.Empty(checkpoint.Unreadable);
        foreach (var (name, expected) in reference.Tensors)
        {
            var actual = checkpoint.Tensors[name];
            Assert.Equal(DType.F32, actual.DType);
            Assert.Equal(expected.Shape, actual.Shape);
            var want = new byte[expected.ByteLength];
            var have = new byte[actual.ByteLength];
            reference.CopyRaw(name, want);
            checkpoint.CopyRaw(name, have);
            Assert.True(want.AsSpan().SequenceEqual(have), $"{name}: bytes differ");
            Assert.Equal(SafetensorsRoundTripTests.Read(reference, name), SafetensorsRoundTripTests.Read(checkpoint, name));
        }
    }

    [Fact]
    public void Float16CheckpointLoadsAsFloat16EqualToTheFloat32ValuesRoundedToHalf()
    {
        using var reference = SafetensorsFile.Open(TinyVocosSafetensors);
        using var checkpoint = WeightFiles.Open(Fixture("tiny_vocos_fp16.bin"));

        Assert.Equal(reference.Tensors.Keys.Order(), checkpoint.Tensors.Keys.Order());
        foreach (var (name, expected) in reference.Tensors)
        {
            Assert.Equal(DType.F16, checkpoint.Tensors[name].DType);
            Assert.Equal(expected.Shape, checkpoint.Tensors[name].Shape);
            var rounded = SafetensorsRoundTripTests.Read(reference, name).Select(v => (Half)v).ToArray();
            var raw = new byte[checkpoint.Tensors[name].ByteLength];
            checkpoint.CopyRaw(name, raw);
            Assert.Equal(rounded, MemoryMarshal.Cast<byte, Half>(raw).ToArray());
            Assert.Equal(rounded.Select(h => (float)h).ToArray(), SafetensorsRoundTripTests.Read(checkpoint, name));
        }
    }

    [Fact]
    public void HostileCheckpointIsRefusedNamingTheForbiddenGlobal()
    {
        var path = Fixture("hostile.bin");

        var direct = Assert.Throws<EngineException>(() => PyTorchCheckpoint.Open(path));
        var byContent = Assert.Throws<EngineException>(() => WeightFiles.Open(path));

        Assert.Contains("posix.system", direct.Message);
        Assert.Contains(path, direct.Message);
        Assert.Equal(direct.Message, byContent.Message);
    }

    [Fact]
    public void AForbiddenGlobalNamedThroughStackGlobalIsRefusedToo()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("eval.pt");
        var pickle = new PickleWriter().EmptyDict().Str("x").StackGlobal("builtins", "eval").Str("1+1").Op(0x85).Reduce().SetItem().Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]>());

        var error = Assert.Throws<EngineException>(() => PyTorchCheckpoint.Open(path));

        Assert.Contains("builtins.eval", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'i', (byte)'o', (byte)'s', 10, (byte)'s', (byte)'y', (byte)'s', (byte)'t', (byte)'e', (byte)'m', 10 }, "0x69")] // INST os system
    [InlineData(new byte[] { 0x81 }, "0x81")]                                                                                                        // NEWOBJ
    [InlineData(new byte[] { (byte)'o' }, "0x6f")]                                                                                                   // OBJ
    [InlineData(new byte[] { 0x82, 1 }, "0x82")]                                                                                                     // EXT1
    public void OpcodesThatCallOrImportOtherwiseAreRefused(byte[] opcode, string named)
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("inst.pt");
        var pickle = new PickleWriter().Mark().Str("echo hi").Op(opcode).Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]>());

        var error = Assert.Throws<EngineException>(() => PyTorchCheckpoint.Open(path));

        Assert.Contains(named, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void EmaStateDictIsPreferredAndNonTensorValuesAreSkipped()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("model_1200000.pt");
        var ema = new[] { 1f, 2f, 3f, 4f, 5f, 6f };
        var plain = new[] { 9f, 9f };
        var pickle = new PickleWriter().EmptyDict().Mark()
            .Str("model_state_dict").EmptyDict().Str("transformer.w").Tensor("FloatStorage", "3", [2]).SetItem()
            .Str("ema_model_state_dict").Global("collections", "OrderedDict").EmptyTuple().Reduce().Mark()
                .Str("ema_model.transformer.w").Tensor("FloatStorage", "0", [2, 3])
                .Str("initted").Tensor("BoolStorage", "1", [])
                .Str("step").Tensor("LongStorage", "2", [])
                .SetItems()
                .EmptyDict().Str("_metadata").Global("collections", "OrderedDict").EmptyTuple().Reduce()   // OrderedDict state
                .Str("").EmptyDict().Str("version").Int(1).SetItem().SetItem().SetItem().Op((byte)'b')         // BUILD
            .Str("step").Int(1_200_000)
            .Str("optimizer_lr").Op((byte)'G', 0x3f, 0x1a, 0x36, 0xe2, 0xeb, 0x1c, 0x43, 0x2d)   // BINFLOAT 1e-4
            .SetItems().Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]>
        {
            ["0"] = ema.AsF32Bytes().ToArray(), ["1"] = [1], ["2"] = BitConverter.GetBytes(1_200_000L), ["3"] = plain.AsF32Bytes().ToArray(),
        });

        using var file = WeightFiles.Open(path);

        Assert.Equal(["ema_model.transformer.w"], file.Tensors.Keys);
        Assert.Equal([2L, 3], file.Tensors["ema_model.transformer.w"].Shape);
        Assert.Equal(ema, SafetensorsRoundTripTests.Read(file, "ema_model.transformer.w"));
        Assert.Equal(["initted", "step"], file.Unreadable.Keys.Order());
        Assert.Contains("int64", file.Unreadable["step"]);
        Assert.Contains("bool", file.Unreadable["initted"]);
        var error = Assert.Throws<EngineException>(() => file.ReadFloat32("step", new float[1]));
        Assert.Contains("'step'", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void TensorsSharingOneStorageReadTheirOwnSlices()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("shared.bin");
        var storage = Enumerable.Range(0, 10).Select(i => (float)i).ToArray();
        var pickle = new PickleWriter().EmptyDict().Mark()
            .Str("head").Tensor("FloatStorage", "0", 10, 0, [2, 2], [2, 1])
            .Str("tail").Tensor("FloatStorage", "0", 10, 4, [6], [1])
            .SetItems().Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]> { ["0"] = storage.AsF32Bytes().ToArray() });

        using var file = PyTorchCheckpoint.Open(path);

        Assert.Equal([0f, 1f, 2f, 3f], SafetensorsRoundTripTests.Read(file, "head"));
        Assert.Equal([4f, 5f, 6f, 7f, 8f, 9f], SafetensorsRoundTripTests.Read(file, "tail"));
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression)]
    [InlineData(CompressionLevel.Optimal)]
    public void StorageBlobsReadWhetherStoredOrDeflated(CompressionLevel compression)
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("blob.bin");
        var values = Enumerable.Range(0, 1000).Select(i => MathF.Sin(i)).ToArray();
        var pickle = new PickleWriter().EmptyDict().Mark()
            .Str("a").Tensor("FloatStorage", "0", 1000, 10, [990], [1])
            .Str("b").Tensor("BFloat16Storage", "1", [4])
            .SetItems().Finish();
        var bf16 = new[] { 1f, -2f, 0.5f, 3f };
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]>
        {
            ["0"] = values.AsF32Bytes().ToArray(), ["1"] = bf16.ToBF16Bytes().ToArray(),
        }, compression);

        using var file = PyTorchCheckpoint.Open(path);

        Assert.Equal(values[10..], SafetensorsRoundTripTests.Read(file, "a"));
        Assert.Equal(DType.BF16, file.Tensors["b"].DType);
        Assert.Equal(bf16, SafetensorsRoundTripTests.Read(file, "b"));
    }

    [Fact]
    public void ParametersAreReadThroughRebuildParameter()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("param.pt");
        var pickle = new PickleWriter().EmptyDict().Str("p")
            .Global("torch._utils", "_rebuild_parameter").Mark().Tensor("HalfStorage", "0", [3]).Op(0x88)   // NEWTRUE
            .Global("collections", "OrderedDict").EmptyTuple().Reduce().Tuple().Reduce()
            .SetItem().Finish();
        var values = new[] { 0.5f, -1f, 2f };
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]> { ["0"] = values.ToF16Bytes().ToArray() });

        using var file = PyTorchCheckpoint.Open(path);

        Assert.Equal(DType.F16, file.Tensors["p"].DType);
        Assert.Equal(values, SafetensorsRoundTripTests.Read(file, "p"));
    }

    [Fact]
    public void ANonContiguousTensorIsListedAsUnreadableWithItsStrides()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("transposed.bin");
        var pickle = new PickleWriter().EmptyDict().Mark()
            .Str("wt").Tensor("FloatStorage", "0", 6, 0, [3, 2], [1, 3])
            .Str("ok").Tensor("FloatStorage", "0", 6, 0, [2, 1, 3], [3, 99, 1])   // stride of a size-1 dim is free
            .SetItems().Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]> { ["0"] = new float[6].AsF32Bytes().ToArray() });

        using var file = PyTorchCheckpoint.Open(path);

        Assert.Equal(["ok"], file.Tensors.Keys);
        Assert.Contains("non-contiguous", file.Unreadable["wt"]);
        Assert.Contains("[1, 3]", file.Unreadable["wt"]);
        var error = Assert.Throws<EngineException>(() => file.CopyRaw("wt", new byte[24]));
        Assert.Contains("'wt'", error.Message);
    }

    [Fact]
    public void AShortStorageBlobNamesTheFileAndTheTensor()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("short.bin");
        var pickle = new PickleWriter().EmptyDict().Str("embed.weight").Tensor("FloatStorage", "0", [4, 4]).SetItem().Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]> { ["0"] = new byte[60] });

        var error = Assert.Throws<EngineException>(() => PyTorchCheckpoint.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("'embed.weight'", error.Message);
    }

    [Fact]
    public void AMissingStorageBlobNamesTheFileAndTheTensor()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("no-blob.bin");
        var pickle = new PickleWriter().EmptyDict().Str("w").Tensor("FloatStorage", "7", [2]).SetItem().Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]>());

        var error = Assert.Throws<EngineException>(() => PyTorchCheckpoint.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("'w'", error.Message);
        Assert.Contains("data/7", error.Message);
    }

    [Fact]
    public void ATruncatedPickleNamesTheFile()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("cut.bin");
        var pickle = new PickleWriter().EmptyDict().Str("w").Tensor("FloatStorage", "0", [2]).SetItem().Finish();
        TorchZip.Write(path, pickle[..(pickle.Length / 2)], new Dictionary<string, byte[]> { ["0"] = new byte[8] });

        var error = Assert.Throws<EngineException>(() => PyTorchCheckpoint.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ABigEndianCheckpointIsRefused()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("big.bin");
        var pickle = new PickleWriter().EmptyDict().Str("w").Tensor("FloatStorage", "0", [2]).SetItem().Finish();
        TorchZip.Write(path, pickle, new Dictionary<string, byte[]> { ["0"] = new byte[8] }, byteOrder: "big");

        var error = Assert.Throws<EngineException>(() => PyTorchCheckpoint.Open(path));

        Assert.Contains("big", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AZipWithoutAPickleIsNotACheckpoint()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("plain.zip");
        using (var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create))
            zip.CreateEntry("readme.txt");

        var error = Assert.Throws<EngineException>(() => WeightFiles.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("data.pkl", error.Message);
    }
}
