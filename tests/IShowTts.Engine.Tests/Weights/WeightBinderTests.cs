// WeightBinder against real files: every missing, unexpected, mis-shaped and unreadable key in one
// exception that names the file; keys normalised (prefix stripped) or ignored (null) as the caller says.
using IShowTts.Engine.Tests.Weights.Support;
using IShowTts.Engine.Weights;

namespace IShowTts.Engine.Tests.Weights;

public sealed class WeightBinderTests
{
    private static string? StripEma(string name) =>
        name is "initted" or "step" ? null : name.StartsWith("ema_model.", StringComparison.Ordinal) ? name["ema_model.".Length..] : name;

    [Fact]
    public void MissingUnexpectedAndMisShapedKeysAreReportedTogether()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("ckpt.safetensors");
        SafetensorsWriterExtensions.WriteFloat32(path,
        [
            ("ema_model.proj.weight", [4, 2], new float[8]),
            ("ema_model.proj.bias", [3], new float[3]),        // model expects [4]
            ("ema_model.extra.weight", [1], new float[1]),     // model has no such key
            ("ema_model.other.bias", [2], new float[2]),       // model has no such key either
        ]);
        ExpectedTensor[] expected =
        [
            new("proj.weight", [4, 2]),
            new("proj.bias", [4]),
            new("norm.weight", [4]),                           // not in the file
            new("norm.bias", [4]),                             // not in the file
        ];
        using var file = WeightFiles.Open(path);

        var error = Assert.Throws<WeightMappingException>(() => WeightBinder.Validate(file, expected, StripEma));

        Assert.Equal(["norm.bias", "norm.weight"], error.Missing);
        Assert.Equal(2, error.Unexpected.Count);
        Assert.Contains(error.Unexpected, u => u.Contains("'extra.weight'") && u.Contains("ema_model.extra.weight"));
        Assert.Contains(error.Unexpected, u => u.Contains("'other.bias'"));
        var misShaped = Assert.Single(error.MisShaped);
        Assert.Contains("proj.bias", misShaped);
        Assert.Contains("[4]", misShaped);
        Assert.Contains("[3]", misShaped);
        Assert.Empty(error.Unreadable);
        Assert.Contains(path, error.Message);
        foreach (var key in new[] { "norm.bias", "norm.weight", "extra.weight", "other.bias", "proj.bias" })
            Assert.Contains(key, error.Message);
        Assert.IsAssignableFrom<EngineException>(error);
    }

    [Fact]
    public void AMatchingFileMapsEveryKeyToItsStoredNameAndIgnoresWhatTheNormaliserDrops()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("ok.safetensors");
        RawSafetensors.Write(path,
            "{\"ema_model.a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}," +
            " \"step\": {\"dtype\": \"I64\", \"shape\": [], \"data_offsets\": [8, 16]}," +
            " \"initted\": {\"dtype\": \"BOOL\", \"shape\": [], \"data_offsets\": [16, 17]}}", new byte[17]);
        using var file = WeightFiles.Open(path);

        var map = WeightBinder.Map(file, [new ExpectedTensor("a", [2])], StripEma);

        Assert.Equal("ema_model.a", map["a"]);
        Assert.Single(map);
    }

    [Fact]
    public void AnEntryTheModelNeedsButTheEngineCannotReadIsReported()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("f64.safetensors");
        RawSafetensors.Write(path, "{\"w\": {\"dtype\": \"F64\", \"shape\": [2], \"data_offsets\": [0, 16]}}", new byte[16]);
        using var file = WeightFiles.Open(path);

        var error = Assert.Throws<WeightMappingException>(() => WeightBinder.Validate(file, [new ExpectedTensor("w", [2])], n => n));

        Assert.Empty(error.Missing);
        Assert.Contains("F64", Assert.Single(error.Unreadable));
    }

    [Fact]
    public void TwoStoredNamesForOneKeyAreReportedAsUnexpected()
    {
        using var dir = new WeightsTempDirectory();
        var path = dir.File("dup.safetensors");
        SafetensorsWriterExtensions.WriteFloat32(path, [("ema_model.w", [1], [1f]), ("w", [1], [2f])]);
        using var file = WeightFiles.Open(path);

        var error = Assert.Throws<WeightMappingException>(() => WeightBinder.Validate(file, [new ExpectedTensor("w", [1])], StripEma));

        Assert.Contains("second entry", Assert.Single(error.Unexpected));
    }
}
