// The response encoders, fed in uneven chunks as streaming does: WAV, PCM and FLAC give back exactly the
// 16-bit samples, Opus and MP3 decode (with the product's decoder) to the same duration and loudness,
// and the Ogg pages carry the right CRC.
using IShowTts.Audio;
using IShowTts.Server.Codecs;

namespace IShowTts.Server.Tests;

public sealed class CodecTests
{
    private const int Rate = 24000;

    [Theory]
    [InlineData("wav")]
    [InlineData("pcm")]
    [InlineData("flac")]
    public async Task LosslessFormatsGiveBackThe16BitSamples(string format)
    {
        var input = Tone(1.3);
        var bytes = await EncodeAsync(format, input, chunks: [1000, 7, 12000]);
        var expected = input.Select(x => WavWriter.ToPcm16(x) / 32768f).ToArray();
        var decoded = format == "pcm" ? Wire.Pcm16ToFloat(bytes) : Wire.DecodeAudio(bytes).Samples;
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("opus", 0.0)]
    [InlineData("mp3", 0.12)]
    public async Task LossyFormatsKeepDurationAndLoudness(string format, double extraSeconds)
    {
        var input = Tone(1.3);
        var clip = Wire.DecodeAudio(await EncodeAsync(format, input, chunks: [480, 1, 9000, 333]));
        Assert.InRange(clip.Seconds, 1.3 - 0.001, 1.3 + extraSeconds + 0.001);
        Assert.InRange(Rms(clip.Mono()), 0.8 * Rms(input), 1.2 * Rms(input));
    }

    [Fact]
    public async Task ShortUtteranceStillMakesAValidOggOpusFile()
    {
        var clip = Wire.DecodeAudio(await EncodeAsync("opus", Tone(0.005), chunks: [120]));
        Assert.InRange(clip.Seconds, 0.004, 0.006);
    }

    [Fact]
    public void OggCrcIsTheSpecificationsCrc32()
    {
        // poly 0x04C11DB7, init 0, no reflection, no final xor: CRC-32/POSIX's check value before its xor.
        Assert.Equal(0x765E7680u ^ 0xFFFFFFFFu, OggPageWriter.Crc("123456789"u8));
    }

    [Fact]
    public async Task OggPagesPassFfmpegsCrcCheck()
    {
        var ffmpeg = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "ffmpeg")).FirstOrDefault(File.Exists);
        if (ffmpeg is null) Assert.Skip("needs ffmpeg (Debian package ffmpeg) as an independent Ogg reader");
        var path = Path.Combine(Directory.CreateTempSubdirectory("ishowtts-ogg-").FullName, "tone.opus");
        await File.WriteAllBytesAsync(path, await EncodeAsync("opus", Tone(2.0), chunks: [5000]));
        var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(ffmpeg, ["-v", "error", "-i", path, "-f", "null", "-"])
            { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", errors.Trim());
    }

    [Fact]
    public void EveryAdvertisedFormatHasAnEncoderOrSaysWhatIsMissing()
    {
        foreach (var f in AudioFormat.All)
            if (f.Unavailable() is { } reason) Assert.Contains("Debian package", reason);
        Assert.Null(AudioFormat.Wav.Unavailable());
        Assert.Null(AudioFormat.Opus.Unavailable());
        Assert.Equal(["mp3", "opus", "aac", "flac", "wav", "pcm"], AudioFormat.All.Select(f => f.Name));
    }

    private static async Task<byte[]> EncodeAsync(string format, float[] samples, int[] chunks)
    {
        var output = new MemoryStream();
        await using (var encoder = AudioFormat.Find(format)!.Create(output, Rate))
        {
            int at = 0, i = 0;
            while (at < samples.Length)
            {
                int n = Math.Min(chunks[i++ % chunks.Length], samples.Length - at);
                await encoder.WriteAsync(samples.AsMemory(at, n), CancellationToken.None);
                at += n;
            }
            await encoder.CompleteAsync(CancellationToken.None);
        }
        return output.ToArray();
    }

    private static float[] Tone(double seconds)
    {
        var x = new float[(int)(seconds * Rate)];
        for (int i = 0; i < x.Length; i++) x[i] = 0.3f * MathF.Sin(2 * MathF.PI * 440 * i / Rate) + 0.1f * MathF.Sin(2 * MathF.PI * 1250 * i / Rate);
        return x;
    }

    private static double Rms(float[] x) => Math.Sqrt(x.Sum(v => (double)v * v) / Math.Max(1, x.Length));
}
