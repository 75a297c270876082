// Radix-2 complex FFT in double for the CPU's STFT and ISTFT (n_fft 1024). Tables are built once per
// size. A plain iterative Cooley–Tukey: the spectral ops are a small share of a request on the CPU.
using System.Collections.Concurrent;

namespace IShowTts.Engine.Backends.Cpu;

internal sealed class Fft
{
    private static readonly ConcurrentDictionary<int, Fft> Cache = new();

    private readonly int[] _bitReverse;
    private readonly double[] _cos;
    private readonly double[] _sin;

    private Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0) throw new ArgumentException($"FFT size {size} is not a power of two");
        Size = size;
        int bits = System.Numerics.BitOperations.Log2((uint)size);
        _bitReverse = new int[size];
        for (int i = 0; i < size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _bitReverse[i] = r;
        }
        _cos = new double[size / 2];
        _sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++)
        {
            _cos[i] = Math.Cos(2 * Math.PI * i / size);
            _sin[i] = Math.Sin(2 * Math.PI * i / size);
        }
    }

    public int Size { get; }

    public static Fft Of(int size) => Cache.GetOrAdd(size, s => new Fft(s));

    /// <summary>In-place transform: forward e^{−2πi kn/N}, or inverse e^{+2πi kn/N} without the 1/N.</summary>
    public void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            int j = _bitReverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1)
        {
            int half = len >> 1, step = n / len;
            for (int start = 0; start < n; start += len)
                for (int k = 0; k < half; k++)
                {
                    double wr = _cos[k * step], wi = sign * _sin[k * step];
                    int a = start + k, b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
        }
    }
}
