// Every fixture (Fixtures/README.md) decodes with its format, rate, channel count and exact frame
// count; lossless formats reproduce the 16-bit original sample for sample; the stream overload and
// content sniffing (not the extension) behave the same.
using IShowTts.Audio.Tests.Internal;
using IShowTts.TestSupport;

namespace IShowTts.Audio.Tests;

public sealed class AudioDecoderTests
{
    const string Original = "utt_pcm16_22050_mono.wav";

    public static TheoryData<string, AudioFileFormat, int, int, int> Fixtures => new()
    {
        { Original, AudioFileFormat.Wav, 22050, 1, 58915 },
        { "utt_pcm8_16000_mono.wav", AudioFileFormat.Wav, 16000, 1, 42750 },
        { "utt_pcm24ext_11025_stereo.wav", AudioFileFormat.Wav, 11025, 2, 29458 },
        { "utt_pcm32_8000_mono.wav", AudioFileFormat.Wav, 8000, 1, 21375 },
        { "utt_float32_8000_mono.wav", AudioFileFormat.Wav, 8000, 1, 21375 },
        { "utt_flac16_22050_mono.flac", AudioFileFormat.Flac, 22050, 1, 58915 },
        { "utt_flac24_32000_stereo.flac", AudioFileFormat.Flac, 32000, 2, 85500 },
        { "utt_oggflac_22050_mono.oga", AudioFileFormat.OggFlac, 22050, 1, 58915 },
        { "utt_mp3_22050_mono.mp3", AudioFileFormat.Mp3, 22050, 1, 58915 },
        { "utt_mp3_44100_stereo.mp3", AudioFileFormat.Mp3, 44100, 2, 117830 },
        { "utt_vorbis_16000_mono.ogg", AudioFileFormat.OggVorbis, 16000, 1, 42751 },
        { "utt_vorbis_44100_stereo.ogg", AudioFileFormat.OggVorbis, 44100, 2, 117830 },
        { "utt_opus_48000_mono.opus", AudioFileFormat.OggOpus, 48000, 1, 128251 },
        { "utt_opus_48000_stereo.opus", AudioFileFormat.OggOpus, 48000, 2, 128251 },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FixtureDecodesWithItsRateChannelsAndLength(string file, AudioFileFormat format, int rate, int channels, int frames)
    {
        var bytes = File.ReadAllBytes(Fixture.Path(file));

        var clip = AudioDecoder.Decode(Fixture.Path(file));

        Assert.Equal(format, AudioDecoder.Sniff(bytes));
        Assert.Equal(rate, clip.SampleRate);
        Assert.Equal(channels, clip.Channels);
        Assert.Equal(frames, clip.Frames);
        Assert.Equal((double)frames / rate, clip.Seconds, 1e-12);
        Assert.All(clip.Samples, s => Assert.InRange(s, -1f, 1f));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FixtureSoundsLikeTheOriginal(string file, AudioFileFormat format, int rate, int channels, int frames)
    {
        _ = (format, channels, frames);
        var original = AudioDecoder.Decode(Fixture.Path(Original));
        var mono = AudioDecoder.Decode(Fixture.Path(file)).Mono();
        var at22k = rate == original.SampleRate ? mono : Resampler.Resample(mono, rate, original.SampleRate);

        // Same words at the same times: loudness within a factor of two (ffmpeg's mono-to-stereo upmix is −3 dB) and
        // the waveform close to the original (resampling and lossy coding change it by well under half its energy).
        double ratio = Rms(at22k) / Rms(original.Samples);
        Assert.InRange(ratio, 0.5, 1.1);
        int n = Math.Min(at22k.Length, original.Frames);
        var scaled = at22k.AsSpan(0, n).ToArray().Select(x => (float)(x / ratio)).ToArray();
        Assert.InRange(Compare.RelativeL2(scaled, original.Samples.AsSpan(0, n)), 0, 0.5);
    }

    [Theory]
    [InlineData("utt_flac16_22050_mono.flac")]
    [InlineData("utt_oggflac_22050_mono.oga")]
    public void LosslessFilesReproduceTheOriginalSamples(string file)
    {
        var original = AudioDecoder.Decode(Fixture.Path(Original));

        var clip = AudioDecoder.Decode(Fixture.Path(file));

        Assert.Equal(original.Samples, clip.Samples);
    }

    [Fact]
    public void IntegerWavDepthsAgreeAfterQuantisation()
    {
        var pcm32 = AudioDecoder.Decode(Fixture.Path("utt_pcm32_8000_mono.wav"));
        var float32 = AudioDecoder.Decode(Fixture.Path("utt_float32_8000_mono.wav"));

        // sox wrote both from the same float signal: 32-bit integer and float differ by < 2^-24 relative.
        Assert.InRange(Compare.RelativeL2(pcm32.Samples, float32.Samples), 0, 1e-6);
    }

    [Fact]
    public void StreamDecodingEqualsFileDecodingAndIgnoresTheExtension()
    {
        using var dir = Fixture.TempDirectory();
        var renamed = dir.File("voice.txt");
        File.Copy(Fixture.Path("utt_opus_48000_mono.opus"), renamed);
        using var stream = File.OpenRead(Fixture.Path("utt_opus_48000_mono.opus"));

        var fromStream = AudioDecoder.Decode(stream, "upload.opus");
        var fromFile = AudioDecoder.Decode(renamed);

        Assert.Equal(fromFile.Samples, fromStream.Samples);
    }

    [Theory]
    [InlineData(0, 1, 3)]
    [InlineData(8000, 0, 2)]
    [InlineData(8000, 2, 3)]
    public void ClipRefusesImpossibleShapes(int rate, int channels, int samples)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new AudioClip(new float[samples], rate, channels));

    [Fact]
    public void MonoAveragesTheChannels()
    {
        var clip = new AudioClip([0.5f, -0.5f, 1f, 0f, 0.25f, 0.75f], 8000, 2);

        Assert.Equal([0f, 0.5f, 0.5f], clip.Mono());
        Assert.Equal(3, clip.Frames);
    }

    static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }
}
