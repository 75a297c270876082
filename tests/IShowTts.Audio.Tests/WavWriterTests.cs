// WavWriter: header fields, 16-bit rounding/clamping, float output, the decode round trip, atomic replace.
using System.Buffers.Binary;
using IShowTts.Audio.Tests.Internal;

namespace IShowTts.Audio.Tests;

public sealed class WavWriterTests
{
    [Fact]
    public void Pcm16HeaderDescribesTheSamples()
    {
        var bytes = WavWriter.ToBytes(new float[] { 0f, 0.5f, -0.5f }, 24000);

        Assert.Equal(44 + 6, bytes.Length);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));      // PCM
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));      // channels
        Assert.Equal(24000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(48000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28))); // byte rate
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal(6u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
        Assert.Equal(16384, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(46)));
        Assert.Equal(-16384, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(48)));
    }

    [Theory]
    [InlineData(1.0f, 32767)]
    [InlineData(2.5f, 32767)]
    [InlineData(-1.0f, -32768)]
    [InlineData(-3f, -32768)]
    [InlineData(float.NaN, 0)]
    [InlineData(0.25f / 32768f, 0)]
    [InlineData(0.75f / 32768f, 1)]
    public void Pcm16RoundsToNearestAndClamps(float x, short expected) => Assert.Equal(expected, WavWriter.ToPcm16(x));

    [Fact]
    public void Pcm16RoundTripsThroughTheDecoderExactly()
    {
        var rng = new Random(7);
        var samples = new float[2 * 24000];
        for (int i = 0; i < samples.Length; i++) samples[i] = rng.Next(-32768, 32768) / 32768f;

        var clip = AudioDecoder.Decode(WavWriter.ToBytes(samples, 24000, 2), "memory.wav");

        Assert.Equal(24000, clip.SampleRate);
        Assert.Equal(2, clip.Channels);
        Assert.Equal(samples, clip.Samples);
    }

    [Fact]
    public void Float32KeepsTheSamplesUnchanged()
    {
        var samples = Enumerable.Range(0, 16000).Select(i => MathF.Sin(i * 0.01f) * 1.5f).ToArray();

        var clip = AudioDecoder.Decode(WavWriter.ToBytes(samples, 16000, WavEncoding.Float32), "memory.wav");

        Assert.Equal(samples, clip.Samples);
    }

    [Fact]
    public void WriteReplacesAnExistingFileAndLeavesNoTempFile()
    {
        using var dir = Fixture.TempDirectory();
        var path = dir.File("out.wav");
        File.WriteAllText(path, "old content");

        WavWriter.Write(path, new float[24000], 24000);

        Assert.Equal(44 + 48000, new FileInfo(path).Length);
        Assert.Equal([path], Directory.GetFiles(dir.FullName));
    }
}
