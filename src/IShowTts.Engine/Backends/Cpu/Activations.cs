// Scalar definitions of the activations, matching PyTorch's float32 formulas (GELU exact uses erf;
// Mish uses softplus with PyTorch's threshold of 20).
using IShowTts.Engine.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace IShowTts.Engine.Backends.Cpu;

internal static class Activations
{
    public static void Apply(Span<float> y, ReadOnlySpan<float> x, Activation act)
    {
        switch (act)
        {
            case Activation.None:
                if (!Unsafe.AreSame(y, x)) x.CopyTo(y);
                break;
            case Activation.Gelu:
                for (int i = 0; i < x.Length; i++) y[i] = Gelu(x[i]);
                break;
            case Activation.GeluTanh:
                GeluTanhVector(y, x);
                break;
            case Activation.Silu:
                // x · sigmoid(x)
                var sig = Scratch(x.Length);
                TensorPrimitives.Sigmoid(x, sig);
                TensorPrimitives.Multiply(x, sig, y);
                break;
            case Activation.Mish:
                for (int i = 0; i < x.Length; i++) y[i] = Mish(x[i]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(act), act, null);
        }
    }

    [ThreadStatic] private static float[]? _scratch;

    private static Span<float> Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length) _scratch = new float[Math.Max(length, 4096)];
        return _scratch.AsSpan(0, length);
    }

    /// <summary>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) with SIMD tanh, in float32 like PyTorch's kernel.</summary>
    private static void GeluTanhVector(Span<float> y, ReadOnlySpan<float> x)
    {
        var t = Scratch(x.Length);
        TensorPrimitives.Multiply(x, x, t);
        TensorPrimitives.Multiply(t, 0.044715f, t);
        TensorPrimitives.Add(t, 1f, t);                            // 1 + 0.044715·x²
        TensorPrimitives.Multiply(t, x, t);                       // x + 0.044715·x³
        TensorPrimitives.Multiply(t, MathF.Sqrt(2f / MathF.PI), t);
        TensorPrimitives.Tanh(t, t);
        TensorPrimitives.Add(t, 1f, t);
        TensorPrimitives.Multiply(t, x, t);
        TensorPrimitives.Multiply(t, 0.5f, y);
    }

    public static float Gelu(float x) => (float)(0.5 * x * (1.0 + Erf(x / Math.Sqrt(2.0))));

    public static float GeluTanh(float x)
    {
        double xd = x;
        return (float)(0.5 * xd * (1.0 + Math.Tanh(Math.Sqrt(2.0 / Math.PI) * (xd + 0.044715 * xd * xd * xd))));
    }

    public static float Silu(float x) => (float)(x / (1.0 + Math.Exp(-x)));

    public static float Mish(float x)
    {
        double softplus = x > 20 ? x : Math.Log(1.0 + Math.Exp(x));
        return (float)(x * Math.Tanh(softplus));
    }

    /// <summary>erf to ~1e-15 (W. J. Cody's rational approximations via erfc), in double.</summary>
    public static double Erf(double x)
    {
        double ax = Math.Abs(x);
        double r;
        if (ax <= 0.46875)
        {
            // erf(x) = x · P(x²)/Q(x²)
            double t = x * x;
            double top = (((0.185777706184603153 * t + 3.16112374387056560) * t + 113.864154151050156) * t
                          + 377.485237685302021) * t + 3209.37758913846947;
            double bot = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t
                         + 2844.23683343917062;
            return x * top / bot;
        }
        if (ax < 4.0)
        {
            double top = (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594) * ax
                              + 66.1191906371416295) * ax + 298.635138197400131) * ax + 881.952221241769090) * ax
                           + 1712.04761263407058) * ax + 2051.07837782607147) * ax + 1230.33935479799725;
            double bot = (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax
                             + 1621.38957456669019) * ax + 3290.79923573345963) * ax + 4362.61909014324716) * ax
                          + 3439.36767414372164) * ax + 1230.33935480374942;
            r = Math.Exp(-ax * ax) * top / bot;
        }
        else
        {
            double z = 1.0 / (ax * ax);
            double top = ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z
                           + 0.125781726111229246) * z + 0.0160837851487422766) * z + 6.58749161529837803e-4;
            double bot = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z
                          + 0.0605183413124413191) * z + 0.00233520497626869185;
            r = (1.0 / Math.Sqrt(Math.PI) - z * top / bot) / ax * Math.Exp(-ax * ax);
        }
        double erf = 1.0 - r;
        return x < 0 ? -erf : erf;
    }

    private static class Unsafe
    {
        public static bool AreSame(Span<float> a, ReadOnlySpan<float> b) =>
            a.Length == b.Length && System.Runtime.CompilerServices.Unsafe.AreSame(
                ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a),
                ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b));
    }
}
