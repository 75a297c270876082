// Parity with the official reference-audio path: for every `*_audio.json` set under the golden
// directory, every case's WAV is decoded and prepared, and compared with the official export
// (int16, identical), the 24 kHz wave (≤ 1e-5 relative L2), the RMS figures and the clipping messages.
// The log-mel (`<name>.mel`) is the engine's and is compared by the engine's tests, not here.
using System.Text.Json;
using IShowTts.Audio.Tests.Internal;
using IShowTts.TestSupport;

namespace IShowTts.Audio.Tests;

public sealed class ReferenceParityTests
{
    const double WaveTolerance = 1e-5;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var golden = Golden.Directory;
        foreach (var set in Golden.Find("*_audio.json"))
            foreach (var c in JsonDocument.Parse(File.ReadAllText(set)).RootElement.GetProperty("cases").EnumerateArray())
                data.Add($"{Path.GetRelativePath(golden, set)}#{c.GetProperty("name").GetString()}");
        return data;
    }

    [Theory, Trait("Category", "Parity")]
    [MemberData(nameof(Cases))]
    public void PreparationMatchesTheOfficialPath(string caseId)
    {
        var (setPath, name) = Split(caseId);
        var c = JsonDocument.Parse(File.ReadAllText(setPath)).RootElement.GetProperty("cases")
            .EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var tensors = new SafeTensorsFile(Path.ChangeExtension(setPath, ".safetensors"));
        var input = Path.Combine(Path.GetDirectoryName(setPath)!, c.GetProperty("input_file").GetString()!);

        var clip = AudioDecoder.Decode(input);
        var prepared = ReferencePreprocessor.Prepare(clip, input);

        Assert.Equal(c.GetProperty("input_sample_rate").GetInt32(), clip.SampleRate);
        Assert.Equal(c.GetProperty("input_channels").GetInt32(), clip.Channels);
        Assert.Equal(c.GetProperty("preprocessed_sample_rate").GetInt32(), prepared.PreprocessedRate);
        Assert.Equal(c.GetProperty("preprocessed_channels").GetInt32(), prepared.PreprocessedChannels);
        var expectedPcm = tensors.ReadI16($"{name}.preprocessed");
        AssertPcmIdentical(expectedPcm, prepared.PreprocessedInterleaved, prepared.PreprocessedChannels);

        var expectedClipMessages = c.GetProperty("messages").EnumerateArray().Select(m => m.GetString()!)
            .Where(m => m.Contains("clipping", StringComparison.Ordinal)).ToArray();
        Assert.Equal(expectedClipMessages, prepared.OfficialMessages);
        Assert.Equal(expectedClipMessages.Length > 0, prepared.Clipped);
        Assert.Equal(prepared.Clipped, prepared.ClipMessage is not null);

        Assert.Equal(c.GetProperty("rms_raised").GetBoolean(), prepared.RmsRaised);
        Assert.Equal(c.GetProperty("rms_before").GetDouble(), prepared.RmsBefore, 1e-6 * c.GetProperty("rms_before").GetDouble());

        Assert.Equal(c.GetProperty("wave24k_samples").GetInt32(), prepared.Wave24k.Length);
        Compare.AssertClose(prepared.Wave24k, tensors.ReadF32($"{name}.wave24k"), WaveTolerance, $"{name}.wave24k");
        Assert.Equal(c.GetProperty("ref_len_frames").GetInt32(), prepared.Wave24k.Length / 256);
    }

    static (string SetPath, string Name) Split(string caseId)
    {
        int hash = caseId.LastIndexOf('#');
        return (Golden.PathOf(caseId[..hash]), caseId[(hash + 1)..]);
    }

    static void AssertPcmIdentical(short[] expected, short[] actual, int channels)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return;
        int firstDiff = 0;
        while (firstDiff < Math.Min(expected.Length, actual.Length) && expected[firstDiff] == actual[firstDiff]) firstDiff++;
        Assert.Fail($"preprocessed PCM differs: expected {expected.Length / channels} frames, actual {actual.Length / channels}; " +
                    $"first difference at frame {firstDiff / channels} " +
                    (firstDiff < Math.Min(expected.Length, actual.Length) ? $"(expected {expected[firstDiff]}, actual {actual[firstDiff]})" : "(one is a prefix of the other)"));
    }
}
