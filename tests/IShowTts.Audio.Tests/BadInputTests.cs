// Input a user can get wrong: every failure is an AudioFormatException whose message names the file
// (or the name given for a stream) and says why, never a bare library exception.
using System.Buffers.Binary;
using IShowTts.Audio.Tests.Internal;

namespace IShowTts.Audio.Tests;

public sealed class BadInputTests
{
    static AudioFormatException DecodeFails(byte[] bytes, string fileName)
    {
        using var dir = Fixture.TempDirectory();
        var path = dir.File(fileName);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(path));
        Assert.Equal(path, e.File);
        Assert.StartsWith(path + ": ", e.Message);
        return e;
    }

    static byte[] FixtureBytes(string name) => File.ReadAllBytes(Fixture.Path(name));

    [Fact]
    public void EmptyFileIsRefused() => Assert.Contains("empty file", DecodeFails([], "empty.wav").Reason);

    [Fact]
    public void GarbageBytesAreAnUnknownFormat()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = 0x00; // never an accidental MPEG frame sync

        Assert.Contains("unknown audio format", DecodeFails(garbage, "garbage.mp3").Reason);
    }

    [Fact]
    public void TextIsAnUnknownFormat()
        => Assert.Contains("unknown audio format", DecodeFails("hello, this is not audio\n"u8.ToArray(), "notes.wav").Reason);

    [Fact]
    public void MissingFileIsNamed()
    {
        var path = Path.Combine(Path.GetTempPath(), "ishowtts-no-such-file-" + Guid.NewGuid().ToString("N") + ".wav");
        var e = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(path));
        Assert.Equal($"{path}: file not found", e.Message);
    }

    [Fact]
    public void TruncatedWavSaysHowMuchIsMissing()
    {
        var wav = FixtureBytes("utt_pcm16_22050_mono.wav");

        var e = DecodeFails(wav[..(wav.Length / 2)], "cut.wav");

        Assert.Contains("truncated WAV", e.Reason);
        Assert.Contains("data chunk declares", e.Reason);
    }

    [Fact]
    public void WavHeaderWithoutDataIsTruncated()
        => Assert.Contains("truncated WAV", DecodeFails(FixtureBytes("utt_pcm16_22050_mono.wav")[..40], "header-only.wav").Reason);

    [Fact]
    public void StreamingWavWithoutSizesReadsToTheEnd()
    {
        var wav = FixtureBytes("utt_pcm16_22050_mono.wav");
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), uint.MaxValue); // espeak's data chunk header is at 36

        var clip = AudioDecoder.Decode(wav, "pipe.wav");

        Assert.Equal(58915, clip.Frames);
    }

    [Fact]
    public void CompressedWavEncodingIsNamed()
    {
        var wav = FixtureBytes("utt_pcm16_22050_mono.wav");
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), 6); // A-law

        Assert.Contains("unsupported WAV encoding: A-law", DecodeFails(wav, "alaw.wav").Reason);
    }

    [Fact]
    public void ClipShorterThanOneSecondIsTooShort()
    {
        var e = DecodeFails(WavWriter.ToBytes(new float[12000], 24000), "blip.wav");

        Assert.Equal("too short: 0.5 s of audio, at least 1 s is needed", e.Reason);
    }

    [Fact]
    public void ShortClipsDecodeWhenTheCallerAllowsThem()
        => Assert.Equal(12000, AudioDecoder.Decode(WavWriter.ToBytes(new float[12000], 24000), "blip.wav", minimumSeconds: 0).Frames);

    [Fact]
    public void NonFiniteFloatSamplesAreRefused()
    {
        var samples = new float[24000];
        samples[100] = float.NaN;

        Assert.Contains("NaN", DecodeFails(WavWriter.ToBytes(samples, 24000, WavEncoding.Float32), "nan.wav").Reason);
    }

    [Theory]
    [InlineData("utt_flac16_22050_mono.flac", "truncated FLAC")]
    [InlineData("utt_oggflac_22050_mono.oga", "Ogg FLAC")]
    [InlineData("utt_opus_48000_mono.opus", "truncated Ogg Opus")]
    [InlineData("utt_vorbis_16000_mono.ogg", "truncated Ogg Vorbis")]
    [InlineData("utt_mp3_22050_mono.mp3", "truncated or corrupt MP3")]
    public void TruncatedCompressedFilesAreRefused(string fixture, string expected)
    {
        var bytes = FixtureBytes(fixture);

        var e = DecodeFails(bytes[..(int)(bytes.Length * 0.6)], fixture);

        Assert.Contains(expected, e.Reason);
    }

    [Theory]
    [InlineData("utt_flac16_22050_mono.flac", "FLAC")]
    [InlineData("utt_opus_48000_mono.opus", "Ogg Opus")]
    [InlineData("utt_vorbis_16000_mono.ogg", "Ogg Vorbis")]
    public void CorruptedCompressedFilesAreRefused(string fixture, string codec)
    {
        var bytes = FixtureBytes(fixture);
        for (int i = bytes.Length / 3; i < bytes.Length / 3 + 200; i++) bytes[i] ^= 0x5A;

        var e = DecodeFails(bytes, fixture);

        Assert.Contains(codec, e.Reason);
    }

    [Fact]
    public void StreamErrorsUseTheGivenName()
    {
        using var stream = new MemoryStream([1, 2, 3]);

        var e = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(stream, "upload #7"));

        Assert.StartsWith("upload #7: unknown audio format", e.Message);
    }
}
