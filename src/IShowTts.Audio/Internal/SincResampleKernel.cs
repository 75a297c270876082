// torchaudio's `_get_sinc_resample_kernel` (dtype None: float64 maths, float32 result) and
// `_apply_sinc_resample_kernel` (pad width left and width + orig right, conv1d with stride orig).
// Only each phase's support is stored: outside it torchaudio's clamped taps round to exactly 0f.
namespace IShowTts.Audio.Internal;

internal sealed class SincResampleKernel
{
    public const int LowpassFilterWidth = 6;
    public const double Rolloff = 0.99;

    readonly float[][] taps;   // (new, support): taps[p][i] is kernel[p][first[p] + i]
    readonly int[] first;      // (new,)

    SincResampleKernel(int orig, int @new, int width, float[][] taps, int[] first)
    {
        Orig = orig;
        New = @new;
        Width = width;
        this.taps = taps;
        this.first = first;
    }

    /// <summary>The input rate divided by gcd(from, to).</summary>
    public int Orig { get; }

    /// <summary>The output rate divided by gcd(from, to).</summary>
    public int New { get; }

    /// <summary>Zero padding on the left; the full torchaudio kernel has 2·Width + Orig taps per phase.</summary>
    public int Width { get; }

    public static SincResampleKernel Build(int fromRate, int toRate)
    {
        int gcd = Gcd(fromRate, toRate);
        int orig = fromRate / gcd, @new = toRate / gcd;
        double baseFreq = Math.Min(orig, @new) * Rolloff;
        int width = (int)Math.Ceiling(LowpassFilterWidth * orig / baseFreq);
        int fullLength = 2 * width + orig;

        var taps = new float[@new][];
        var first = new int[@new];
        for (int p = 0; p < @new; p++)
        {
            // t = 0 at m = width + p·orig/new; |t| < lowpass width needs |m − that| < 6·orig/base ≤ width.
            int lo = Math.Max(0, (int)Math.Floor((double)p * orig / @new));
            int hi = Math.Min(fullLength, lo + 2 * width + 2);
            var row = new float[hi - lo];
            for (int m = lo; m < hi; m++) row[m - lo] = Tap(p, m, orig, @new, width, baseFreq);
            taps[p] = row;
            first[p] = lo;
        }
        return new SincResampleKernel(orig, @new, width, taps, first);
    }

    /// <summary>kernel[p, m] exactly as torchaudio computes it (exposed for the support test).</summary>
    public static float Tap(int p, int m, int orig, int @new, int width, double baseFreq)
    {
        double idx = (double)(m - width) / orig;                 // arange(-width, width + orig, float64) / orig
        double phase = (float)(-p) / (float)@new;                // arange(0, -new, -1) is int64: "/ new" divides in float32
        double t = (phase + idx) * baseFreq;
        t = Math.Clamp(t, -LowpassFilterWidth, LowpassFilterWidth);
        double window = Math.Cos(t * Math.PI / LowpassFilterWidth / 2);
        window *= window;
        t *= Math.PI;
        double scale = baseFreq / orig;
        double k = t == 0 ? 1.0 : Math.Sin(t) / t;
        k *= window * scale;
        return (float)k;
    }

    /// <summary>The resampled signal: ceil(new · length / orig) samples.</summary>
    public float[] Apply(ReadOnlySpan<float> x)
    {
        int length = x.Length;
        long target = (long)Math.Ceiling((double)((long)New * length) / Orig);
        var y = new float[target];
        for (long n = 0; n < target; n++)
        {
            long block = n / New;
            int p = (int)(n % New);
            var row = taps[p];
            // Output (block, p) reads the padded input from block·orig + m, i.e. x[block·orig + m − width].
            long start = block * Orig + first[p] - Width;
            double acc = 0;
            int i0 = (int)Math.Max(0, -start);
            int i1 = (int)Math.Min(row.Length, length - start);
            for (int i = i0; i < i1; i++) acc += (double)row[i] * x[(int)(start + i)];
            y[n] = (float)acc;
        }
        return y;
    }

    static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
