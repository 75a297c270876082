// Pulls interleaved float samples from a decoder's Read(buffer, count) until it returns 0, into one
// array; trims a trailing partial frame. Shared by the NLayer and NVorbis readers.
namespace IShowTts.Audio.Internal;

internal static class SampleAccumulator
{
    public static float[] ReadAll(Func<float[], int, int> read, int channels)
    {
        var chunk = new float[4096 * channels];
        var all = new List<float>(1 << 16);
        int n;
        while ((n = read(chunk, chunk.Length)) > 0)
            all.AddRange(chunk.AsSpan(0, n));
        int whole = all.Count - all.Count % channels;
        return all.GetRange(0, whole).ToArray();
    }
}
