// Ogg Vorbis through NVorbis (managed). NVorbis does not always apply the end trim of the last page,
// so the output is cut to the stream's final granule position, the encoder's exact input length.
namespace IShowTts.Audio.Internal;

internal static class VorbisReader
{
    public static AudioClip Read(byte[] file, string name)
    {
        long lastGranule = OggPackets.Read(file, name, "Ogg Vorbis").LastGranule;
        int channels, rate;
        float[] samples;
        try
        {
            using var vorbis = new NVorbis.VorbisReader(new MemoryStream(file, writable: false), closeOnDispose: true);
            channels = vorbis.Channels;
            rate = vorbis.SampleRate;
            samples = SampleAccumulator.ReadAll((buffer, count) => vorbis.ReadSamples(buffer, 0, count), channels);
        }
        catch (Exception e) when (e is not AudioFormatException)
        {
            throw new AudioFormatException(name, $"undecodable Ogg Vorbis ({e.Message})", e);
        }
        if (samples.Length == 0) throw new AudioFormatException(name, "undecodable Ogg Vorbis: no audio could be decoded (corrupt headers or packets)");
        if (lastGranule > 0 && samples.Length / channels > lastGranule)
            samples = samples.AsSpan(0, (int)(lastGranule * channels)).ToArray();
        return new AudioClip(samples, rate, channels);
    }
}
