// Brings a chat clip to the loudness target (EBU R128 integrated loudness, IShowTts.Audio.Loudness) with
// its sample peaks at or under a ceiling. A plain gain cannot do both for speech, whose peaks sit some
// 15–20 dB over its loudness: levelled to −16 LUFS it would clip. So the gain is followed by a
// look-ahead peak limiter that turns down only the few milliseconds around each peak, and the loudness
// is measured again and the gain corrected (the limiter takes a little away) until it is on target.
using IShowTts.Audio;

namespace IShowTts.Server.Danmaku;

internal static class ChatLevelling
{
    private const double LimiterHalfWindowSeconds = 0.010;
    private const int MaxRounds = 8;
    private const double ToleranceLu = 0.05;

    /// <summary>A levelled copy; silence and clips shorter than one 400 ms loudness block come back unchanged.</summary>
    public static float[] Level(ReadOnlySpan<float> samples, int sampleRate, double targetLufs, double peakCeilingDbfs)
    {
        double loudness = Loudness.IntegratedLufs(samples, sampleRate);
        if (double.IsNegativeInfinity(loudness)) return samples.ToArray();
        float ceiling = (float)Math.Pow(10, peakCeilingDbfs / 20);
        int halfWindow = Math.Max(1, (int)Math.Round(LimiterHalfWindowSeconds * sampleRate));
        double gainDb = targetLufs - loudness;
        float[] levelled = [];
        for (int round = 0; round < MaxRounds; round++)
        {
            levelled = GainAndLimit(samples, (float)Math.Pow(10, gainDb / 20), ceiling, halfWindow);
            double reached = Loudness.IntegratedLufs(levelled, sampleRate);
            if (double.IsNegativeInfinity(reached) || Math.Abs(targetLufs - reached) <= ToleranceLu) break;
            gainDb += targetLufs - reached;
        }
        return levelled;
    }

    // y = gain·x, then y·e where e is the moving average (±w) of the moving minimum (±w) of the gain each
    // sample needs to stay under the ceiling, min(1, ceiling/|y|). Every value averaged for sample i is a
    // minimum over a window that contains i, so e[i] is at most what sample i needs: no sample passes the
    // ceiling, and the gain moves smoothly over 2w instead of jumping at each peak.
    private static float[] GainAndLimit(ReadOnlySpan<float> x, float gain, float ceiling, int w)
    {
        int n = x.Length;
        var y = new float[n];
        var need = new float[n];
        bool limited = false;
        for (int i = 0; i < n; i++)
        {
            y[i] = x[i] * gain;
            float a = Math.Abs(y[i]);
            need[i] = a > ceiling ? ceiling / a : 1f;
            limited |= a > ceiling;
        }
        if (!limited) return y;

        var minimum = SlidingMinimum(need, w);
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + minimum[i];
        for (int i = 0; i < n; i++)
        {
            int lo = Math.Max(0, i - w), hi = Math.Min(n - 1, i + w);
            float envelope = (float)((prefix[hi + 1] - prefix[lo]) / (hi - lo + 1));
            y[i] = Math.Clamp(y[i] * Math.Min(envelope, need[i]), -ceiling, ceiling);
        }
        return y;
    }

    /// <summary>min(values[i−w … i+w]) for every i, in linear time (a monotonic deque of indices).</summary>
    private static float[] SlidingMinimum(float[] values, int w)
    {
        int n = values.Length;
        var result = new float[n];
        var deque = new int[n];
        int head = 0, tail = 0, next = 0;
        for (int i = 0; i < n; i++)
        {
            for (; next < n && next <= i + w; next++)
            {
                while (tail > head && values[deque[tail - 1]] >= values[next]) tail--;
                deque[tail++] = next;
            }
            while (deque[head] < i - w) head++;
            result[i] = values[deque[head]];
        }
        return result;
    }
}
