// A look-ahead peak limiter: after a gain, only the few milliseconds around each sample peak that would
// pass the ceiling are turned down, the gain moving smoothly instead of jumping at the peak. Used by
// Loudness.Normalize, since a plain gain cannot bring speech (peaks 15–20 dB over its loudness) to a
// loud target without clipping.
namespace IShowTts.Audio;

public static class PeakLimiter
{
    // y = gain·x, then y·e where e is the moving average (±w) of the moving minimum (±w) of the gain each
    // sample needs to stay under the ceiling, min(1, ceiling/|y|). Every value averaged for sample i is a
    // minimum over a window that contains i, so e[i] is at most what sample i needs: no sample passes the
    // ceiling, and the gain moves smoothly over 2w instead of jumping at each peak.
    /// <param name="w">half the limiter's window, in samples (about 10 ms).</param>
    public static float[] GainAndLimit(ReadOnlySpan<float> x, float gain, float ceiling, int w)
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
