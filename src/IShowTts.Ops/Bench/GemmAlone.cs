// The backend's plain GEMM (no bias, no epilogue) on given shapes with random data, outside the model:
// the rate the model's linear layers are compared with, and the FLOP/s ceiling `profile` measures.
using System.Diagnostics;
using IShowTts.Engine.Tensors;

namespace IShowTts.Ops.Bench;

public static class GemmAlone
{
    /// <summary>Call-weighted FLOP/s over the shapes (m, i, o) → calls; 0 when there are none.</summary>
    public static double Rate(IBackend backend, IReadOnlyDictionary<(int M, int I, int O), int> shapes, int repetitions = 2)
    {
        double flops = 0, seconds = 0;
        foreach (var ((m, i, o), calls) in shapes)
        {
            double per = SecondsPerCall(backend, m, i, o, repetitions);
            flops += 2.0 * m * i * o * calls;
            seconds += per * calls;
        }
        return seconds > 0 ? flops / seconds : 0;
    }

    /// <summary>Seconds per call of a plain (m, i) × (o, i)ᵀ GEMM in <paramref name="dtype"/> (default: the backend's compute type), after one untimed call.</summary>
    public static double SecondsPerCall(IBackend backend, int m, int i, int o, int repetitions, DType? dtype = null)
    {
        var type = dtype ?? backend.ComputeType;
        var x = backend.Allocate(type, m, i);
        var w = backend.Allocate(type, o, i);
        var y = backend.Allocate(type, m, o);
        try
        {
            var data = new float[Math.Max((long)m * i, (long)o * i)];
            Engine.Sampling.GaussianNoise.Fill(data, 7);
            backend.Upload(x, data.AsSpan(0, m * i));
            backend.Upload(w, data.AsSpan(0, o * i));
            backend.Linear(y, x, w, null, m, i, o, Epilogue.None);
            backend.Synchronize();
            var clock = Stopwatch.StartNew();
            for (int k = 0; k < repetitions; k++) backend.Linear(y, x, w, null, m, i, o, Epilogue.None);
            backend.Synchronize();
            return clock.Elapsed.TotalSeconds / repetitions;
        }
        finally
        {
            y.Storage.Dispose();
            w.Storage.Dispose();
            x.Storage.Dispose();
        }
    }
}
