// Files laid out with exactly the tensor names and shapes of each released checkpoint (golden
// release-keys/*.json), plus the EMA extras a release may carry ('initted', 'step'), open and bind.
// Values are zeros in F16; a release larger than 128 MiB is written sparse (same bytes to every reader).
using System.Text.Json;
using IShowTts.Engine.Weights;
using IShowTts.Engine.Weights.Internal;
using IShowTts.Engine.Tests.Weights.Support;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.Weights;

public sealed class ReleaseKeysTests
{
    private const long DenseLimitBytes = 128L << 20;

    public static TheoryData<string> Releases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Golden.Find("*.json").Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "release-keys"))
            data.Add(Path.GetRelativePath(Golden.Directory, file));
        if (data.Count == 0) Assert.Fail($"No release-keys/*.json under {Golden.Directory}.");
        return data;
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public void AFileWithTheReleasedNamesAndShapesOpensAndBinds(string release)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Golden.PathOf(release)));
        var released = json.RootElement.GetProperty("tensors").EnumerateObject()
            .Select(t => (Name: t.Name, Shape: t.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray()))
            .ToList();
        using var dir = new WeightsTempDirectory();
        var path = dir.File(Path.GetFileNameWithoutExtension(release) + ".safetensors");
        WriteZeros(path, released);

        using var file = WeightFiles.Open(path);
        var map = WeightBinder.Map(file, released.Select(t => new ExpectedTensor(StripEma(t.Name)!, t.Shape)).ToList(), StripEma);

        Assert.Equal(released.Count, file.Tensors.Count);
        Assert.Equal(released.Count, map.Count);
        foreach (var (name, shape) in released)
            Assert.Equal(shape, file.Tensors[name].Shape);
        Assert.Equal(["initted", "step"], file.Unreadable.Keys.Order());
        var largest = released.MaxBy(t => ShapeText.ElementCount(t.Shape)).Name;
        var values = new float[file.Tensors[largest].ElementCount];
        values[0] = float.NaN;
        file.ReadFloat32(largest, values);
        Assert.All(values, v => Assert.Equal(0f, v));
    }

    private static string? StripEma(string name) =>
        name is "initted" or "step" ? null : name.StartsWith("ema_model.", StringComparison.Ordinal) ? name["ema_model.".Length..] : name;

    private static void WriteZeros(string path, List<(string Name, long[] Shape)> released)
    {
        var entries = released.Select(t => (t.Name, "F16", t.Shape, ShapeText.ElementCount(t.Shape) * 2))
            .Append(("initted", "BOOL", [], 1L))
            .Append(("step", "I64", [], 8L))
            .ToList();
        var header = SafetensorsHeaderWriter.Build(entries, new Dictionary<string, string> { ["format"] = "pt" }, out var dataLength);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.Write(header);
        if (dataLength <= DenseLimitBytes)
            stream.Write(new byte[dataLength]);
        else
            stream.SetLength(header.Length + dataLength);   // a hole reads as zeros: no disk used
    }
}
