// Every way a safetensors file can be truncated or corrupt fails on Open with an EngineException that names
// the file and, where one is involved, the tensor; a dtype the engine does not read is reported, not fatal.
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Tests.Weights.Support;
using IShowTts.Engine.Weights;

namespace IShowTts.Engine.Tests.Weights;

public sealed class SafetensorsCorruptionTests
{
    private static EngineException OpenFails(string path) => Assert.Throws<EngineException>(() => SafetensorsFile.Open(path));

    [Fact]
    public void ATruncatedFileNamesTheFileAndTheTensorCutShort()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("cut.safetensors");
        SafetensorsWriter.Write(path,
        [
            ("first", DType.F32, [4], new float[4].AsF32Bytes()),
            ("second", DType.F32, [8], new float[8].AsF32Bytes()),
        ]);
        using (var stream = new FileStream(path, FileMode.Open))
            stream.SetLength(stream.Length - 5);

        var error = OpenFails(path);

        Assert.Contains(path, error.Message);
        Assert.Contains("'second'", error.Message);
        Assert.DoesNotContain("'first'", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void AHeaderLengthPastTheEndOfTheFileNamesTheFile()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("long-header.safetensors");
        RawSafetensors.Write(path, "{}", [], declaredLength: 4096);

        var error = OpenFails(path);

        Assert.Contains(path, error.Message);
        Assert.Contains("4096", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void AFileTooShortForTheLengthPrefixNamesTheFile(int length)
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("tiny.safetensors");
        File.WriteAllBytes(path, new byte[length]);

        var error = Assert.Throws<EngineException>(() => WeightFiles.Open(path));

        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]")]
    [InlineData("not json at all")]
    [InlineData("{\"a\": nope}")]
    public void MalformedJsonNamesTheFile(string header)
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("bad-json.safetensors");
        RawSafetensors.Write(path, header, new byte[4]);

        var error = OpenFails(path);

        Assert.Contains(path, error.Message);
        Assert.Contains("JSON", error.Message);
    }

    [Fact]
    public void AHeaderThatIsNotAnObjectNamesTheFile()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("array.safetensors");
        RawSafetensors.Write(path, "[1, 2]", []);

        Assert.Contains(path, OpenFails(path).Message);
    }

    [Theory]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}", "run past")]   // outside data
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [0], \"data_offsets\": [8, 4]}}", "begin after")]  // begin > end
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 8]}}", "needs 12")]     // size ≠ shape
    [InlineData("{\"w\": {\"dtype\": \"F16\", \"shape\": [2, 2], \"data_offsets\": [0, 4]}}", "needs 8")]   // dtype size counts
    [InlineData("{\"w\": {\"dtype\": \"Q7\", \"shape\": [2], \"data_offsets\": [0, 8]}}", "'Q7'")]          // unknown dtype
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [-2], \"data_offsets\": [0, 8]}}", "non-negative")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [2]}}", "data_offsets")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0]}}", "2 integers")]
    [InlineData("{\"w\": {\"shape\": [2], \"data_offsets\": [0, 8]}}", "dtype")]
    [InlineData("{\"w\": [1, 2]}", "object")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, \"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}}", "twice")]
    public void AnInvalidEntryNamesTheFileAndTheTensor(string header, string reason)
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("bad-entry.safetensors");
        RawSafetensors.Write(path, header, new byte[8]);

        var error = OpenFails(path);

        Assert.Contains(path, error.Message);
        Assert.Contains("'w'", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void OverlappingTensorsAreBothNamed()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("overlap.safetensors");
        RawSafetensors.Write(path,
            "{\"left\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}," +
            " \"right\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}", new byte[12]);

        var error = OpenFails(path);

        Assert.Contains(path, error.Message);
        Assert.Contains("'left'", error.Message);
        Assert.Contains("'right'", error.Message);
        Assert.Contains("overlap", error.Message);
    }

    [Fact]
    public void EveryBadEntryIsReportedInOneMessage()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("many.safetensors");
        RawSafetensors.Write(path,
            "{\"a\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 8]}," +
            " \"b\": {\"dtype\": \"X9\", \"shape\": [2], \"data_offsets\": [0, 8]}," +
            " \"c\": {\"dtype\": \"F32\", \"shape\": [9], \"data_offsets\": [0, 36]}}", new byte[8]);

        var message = OpenFails(path).Message;

        Assert.Contains("'a'", message);
        Assert.Contains("'b'", message);
        Assert.Contains("'c'", message);
    }

    [Fact]
    public void MetadataMustBeStrings()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("meta.safetensors");
        RawSafetensors.Write(path, "{\"__metadata__\": {\"step\": 5}}", []);

        var error = OpenFails(path);

        Assert.Contains(path, error.Message);
        Assert.Contains("step", error.Message);
    }

    [Fact]
    public void ADTypeTheEngineDoesNotReadIsListedAndReadingItNamesTensorAndDType()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("int.safetensors");
        RawSafetensors.Write(path,
            "{\"step\": {\"dtype\": \"I64\", \"shape\": [], \"data_offsets\": [0, 8]}," +
            " \"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [8, 12]}}", new byte[12]);

        using var file = SafetensorsFile.Open(path);
        var error = Assert.Throws<EngineException>(() => file.ReadFloat32("step", new float[1]));

        Assert.Equal(["w"], file.Tensors.Keys);
        Assert.Contains("I64", file.Unreadable["step"]);
        Assert.Contains("'step'", error.Message);
        Assert.Contains("I64", error.Message);
        Assert.Contains(path, error.Message);
    }
}
