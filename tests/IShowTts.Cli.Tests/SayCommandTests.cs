// `ishowtts say` end to end, as a user runs it: tiny golden checkpoint with a real WAV reference, the
// random-weight F5TTS_v1_Base, and the command-line errors.
using System.Buffers.Binary;
using IShowTts.TestSupport;

namespace IShowTts.Cli.Tests;

public sealed class SayCommandTests : IDisposable
{
    private readonly List<TempDirectory> _temp = [];

    public void Dispose() => _temp.ForEach(t => t.Dispose());

    private string TempDir(string prefix)
    {
        var t = new TempDirectory(prefix);
        _temp.Add(t);
        return t.Path;
    }

    private static string ModelDir => Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!;

    private static string ReferenceWav => Golden.Find("*.wav")[0];

    private string TempWav() => Path.Combine(TempDir("ishowtts-say-"), "out.wav");

    /// <summary>Checks the RIFF header and returns (rate, channels, bits, frames).</summary>
    private static (int Rate, int Channels, int Bits, int Frames) ReadWavHeader(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        int pos = 12, rate = 0, channels = 0, bits = 0, data = -1;
        while (pos + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            if (id == "fmt ")
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(pos + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 12));
                bits = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(pos + 22));
            }
            if (id == "data") { data = size; break; }
            pos += 8 + size + (size & 1);
        }
        Assert.True(data > 0, "no data chunk");
        return (rate, channels, bits, data / (channels * bits / 8));
    }

    [Fact]
    public void SaysWithTheTinyGoldenCheckpoint()
    {
        var output = TempWav();
        var r = CliProcess.Run("say", "Hello chat, thanks for the follow!", "--model-dir", ModelDir,
            "--ref-audio", ReferenceWav, "--ref-text", "This is the reference.", "--out", output, "--device", "cpu", "--nfe", "4");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (rate, channels, bits, frames) = ReadWavHeader(output);
        Assert.Equal((24000, 1, 16), (rate, channels, bits));
        Assert.True(frames > 24000 / 2, $"only {frames} samples");
        Assert.Contains("step 4/4", r.Stderr);
        Assert.Contains("wrote", r.Stderr);
    }

    [Fact]
    public void SaysWithRandomWeightsOfTheReleasedShape()
    {
        var output = TempWav();
        var r = CliProcess.Run("say", "Hi chat!", "--random-weights", "--ref-audio", ReferenceWav, "--ref-text", "This is the reference.",
            "--out", output, "--device", "cpu", "--nfe", "1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (rate, channels, _, frames) = ReadWavHeader(output);
        Assert.Equal((24000, 1), (rate, channels));
        Assert.True(frames > 0);
    }

    [Theory]
    [InlineData("say")]
    [InlineData("say", "hi", "--random-weights")]
    [InlineData("say", "hi", "--out", "x.wav", "--random-weights", "--nfe", "zero")]
    [InlineData("say", "hi", "--out", "x.wav", "--random-weights", "--bogus", "1")]
    [InlineData("say", "hi", "--out", "x.wav", "--model-dir", "d")]
    [InlineData("frobnicate")]
    public void WrongCommandLinePrintsUsageAndExitsTwo(params string[] args)
    {
        var r = CliProcess.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("usage:", r.Stderr + r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void MissingModelDirectoryIsOneClearLine()
    {
        var r = CliProcess.Run("say", "hi", "--out", TempWav(), "--model-dir", "/nonexistent/models", "--ref-audio", ReferenceWav, "--ref-text", "x", "--device", "cpu");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("/nonexistent/models", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void EmptyTextIsRefused()
    {
        var r = CliProcess.Run("say", "   ", "--out", TempWav(), "--random-weights", "--device", "cpu");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("empty", r.Stderr);
    }

    [Fact]
    public void UndecodableReferenceIsOneClearLine()
    {
        var bad = Path.Combine(TempDir("ishowtts-bad-"), "ref.wav");
        File.WriteAllText(bad, "this is not audio at all, just text pretending to be a wav file");
        var r = CliProcess.Run("say", "hi", "--out", TempWav(), "--model-dir", ModelDir, "--ref-audio", bad, "--ref-text", "x", "--device", "cpu");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ref.wav", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void SaysWithTheSystemVoiceWithoutAnyModel()
    {
        var output = TempWav();
        var r = CliProcess.Run("say", "--engine", "espeak", "Hello chat", "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (rate, channels, bits, frames) = ReadWavHeader(output);
        Assert.Equal((24000, 1, 16), (rate, channels, bits));
        Assert.InRange(frames, 12000, 120000);
    }

    [Fact]
    public void StreamsRawPcmToStandardOutput()
    {
        var r = CliProcess.Run("say", "--engine", "espeak", "--voice", "espeak-zh", "你好，欢迎", "--out", "-");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(r.Stdout.Length > 0);
    }
}
