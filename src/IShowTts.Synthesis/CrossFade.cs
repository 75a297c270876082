// Joins generated chunks the official way: a linear cross-fade of min(duration·rate, len(prev),
// len(next)) samples, fades 1→0 and 0→1 including both end points (np.linspace), summed; zero length
// concatenates.
namespace IShowTts.Synthesis;

public static class CrossFade
{
    public static float[] Join(IReadOnlyList<float[]> chunks, double crossFadeSeconds, int sampleRate)
    {
        if (chunks.Count == 0) return [];
        var result = chunks[0];
        for (int i = 1; i < chunks.Count; i++)
        {
            var next = chunks[i];
            int overlap = crossFadeSeconds <= 0 ? 0 : Math.Min((int)(crossFadeSeconds * sampleRate), Math.Min(result.Length, next.Length));
            var joined = new float[result.Length + next.Length - overlap];
            Array.Copy(result, joined, result.Length - overlap);
            int at = result.Length - overlap;
            Blend(result.AsSpan(at, overlap), next.AsSpan(0, overlap), joined.AsSpan(at, overlap));
            Array.Copy(next, overlap, joined, at + overlap, next.Length - overlap);
            result = joined;
        }
        return result;
    }

    /// <summary>dst = tail · linspace(1, 0) + head · linspace(0, 1), both including their end points (np.linspace).</summary>
    internal static void Blend(ReadOnlySpan<float> tail, ReadOnlySpan<float> head, Span<float> dst)
    {
        int overlap = dst.Length;
        for (int k = 0; k < overlap; k++)
        {
            double fadeIn = overlap == 1 ? 0 : (double)k / (overlap - 1);
            dst[k] = (float)(tail[k] * (1 - fadeIn) + head[k] * fadeIn);
        }
    }
}
