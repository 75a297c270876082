// MP3 (MPEG-1/2/2.5 layer III, also I/II) through NLayer, the fully managed decoder, then gapless
// trimming from the LAME/Xing tag when present (encoder delay + 529 decoder delay off the start,
// padding off the end), so lengths match ffmpeg's. Without the tag the priming/padding stay in, and
// a cut-short file decodes to what is there (MP3 has no other length to check against).
namespace IShowTts.Audio.Internal;

internal static class Mp3Reader
{
    public static AudioClip Read(byte[] file, string name)
    {
        int channels, rate;
        float[] samples;
        try
        {
            using var mpeg = new NLayer.MpegFile(new MemoryStream(file, writable: false));
            channels = mpeg.Channels;
            rate = mpeg.SampleRate;
            if (channels < 1 || rate < 1) throw new AudioFormatException(name, "undecodable MP3: no valid frame header");
            samples = SampleAccumulator.ReadAll((buffer, count) => mpeg.ReadSamples(buffer, 0, count), channels);
        }
        catch (Exception e) when (e is not AudioFormatException)
        {
            throw new AudioFormatException(name, $"undecodable MP3 ({e.Message})", e);
        }
        var gapless = Mp3GaplessInfo.Find(file);
        if (gapless is { } g && samples.Length / channels < (long)g.FrameCount * g.SamplesPerFrame)
            throw new AudioFormatException(name,
                $"truncated or corrupt MP3: {samples.Length / channels} of the {(long)g.FrameCount * g.SamplesPerFrame} samples its Xing/Info header declares were decoded");
        return new AudioClip(TrimGapless(samples, channels, gapless), rate, channels);
    }

    static float[] TrimGapless(float[] samples, int channels, Mp3GaplessInfo? info)
    {
        if (info is not { } g) return samples;
        long decoded = samples.Length / channels;
        long start = g.EncoderDelay + Mp3GaplessInfo.DecoderDelay;
        long end = Math.Min(decoded, start + g.OriginalFrames);
        if (start >= end) return samples;
        return samples.AsSpan((int)(start * channels), (int)((end - start) * channels)).ToArray();
    }
}
