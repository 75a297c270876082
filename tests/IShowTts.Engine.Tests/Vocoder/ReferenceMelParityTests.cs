// The reference-audio goldens' log-mels (`<name>.mel` of every `*_audio.json` set) from their official
// 24 kHz waves, through the engine's MelSpectrogram: the conditioning the model sees for a real voice.
using System.Text.Json;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Vocoder;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.Vocoder;

[Trait("Category", "Parity")]
public sealed class ReferenceMelParityTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in Golden.Find("*_audio.json"))
            foreach (var c in JsonDocument.Parse(File.ReadAllText(set)).RootElement.GetProperty("cases").EnumerateArray())
                data.Add(Path.GetRelativePath(Golden.Directory, set), c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MelOfTheOfficialWaveMatches(string set, string name)
    {
        var tensors = new GoldenTensors(Path.ChangeExtension(Golden.PathOf(set), ".safetensors"));
        var wave = tensors.Floats($"{name}.wave24k");
        var expected = tensors.Floats($"{name}.mel"); // (D, frames)
        using var mel = new MelSpectrogram(new CpuBackend());
        var actual = mel.Compute(wave);                 // (frames, D)
        int frames = actual.Length / 100;
        Assert.Equal(expected.Length, actual.Length);
        var transposed = new float[actual.Length];
        for (int f = 0; f < frames; f++)
            for (int m = 0; m < 100; m++)
                transposed[m * frames + f] = actual[f * 100 + m];
        var err = Compare.AssertClose(transposed, expected, 1e-4, $"{name}.mel");
        output.WriteLine($"{name}.mel: relative L2 error {err:E3}");
    }
}
