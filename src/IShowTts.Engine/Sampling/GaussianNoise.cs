// Seeded standard-normal numbers: xoshiro256** streams and Box–Muller in double. The same seed gives
// the same values on every machine and run (the product's "same seed, same audio"); it does not try to
// reproduce torch.randn, so parity tests inject the official noise instead.
namespace IShowTts.Engine.Sampling;

public static class GaussianNoise
{
    private const int Chunk = 1 << 16;

    /// <summary>Fills with N(0, std²); chunks get independent streams so large fills run in parallel and stay deterministic.</summary>
    public static void Fill(Span<float> destination, ulong seed, float std = 1f)
    {
        int chunks = (destination.Length + Chunk - 1) / Chunk;
        if (chunks <= 1)
        {
            FillChunk(destination, Mix(seed), std);
            return;
        }
        var array = new float[destination.Length];
        Parallel.For(0, chunks, c =>
        {
            int start = c * Chunk, len = Math.Min(Chunk, array.Length - start);
            FillChunk(array.AsSpan(start, len), Mix(seed ^ Mix((ulong)c + 1)), std);
        });
        array.CopyTo(destination);
    }

    private static void FillChunk(Span<float> dst, ulong state, float std)
    {
        ulong s0 = Mix(state), s1 = Mix(s0), s2 = Mix(s1), s3 = Mix(s2);
        for (int i = 0; i < dst.Length; i += 2)
        {
            double u1 = ((Next(ref s0, ref s1, ref s2, ref s3) >> 11) + 1) * (1.0 / 9007199254740993.0);
            double u2 = (Next(ref s0, ref s1, ref s2, ref s3) >> 11) * (1.0 / 9007199254740992.0);
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            dst[i] = (float)(r * Math.Cos(2 * Math.PI * u2) * std);
            if (i + 1 < dst.Length) dst[i + 1] = (float)(r * Math.Sin(2 * Math.PI * u2) * std);
        }
    }

    private static ulong Next(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>splitmix64 finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
