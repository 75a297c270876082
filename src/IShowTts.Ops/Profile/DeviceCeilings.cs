// The device's measured ceilings, the yardsticks of `profile`: the FLOP/s of one large plain GEMM in each
// element type the model computes in (the DiT's compute type, and F32 for the mel and Vocos on a GPU) through
// the backend's own GEMM (cuBLASLt / OpenBLAS), and the bytes/s of a large device-to-device copy. Measured,
// not taken from a datasheet, so "achieved / ceiling" says how close an op gets to what this machine does.
using System.Diagnostics;
using IShowTts.Engine.Tensors;
using IShowTts.Ops.Bench;

namespace IShowTts.Ops.Profile;

/// <summary>One GEMM ceiling: (M, I) × (I, O) in <paramref name="DType"/>, FLOP/s = 2·M·I·O / seconds per call.</summary>
public sealed record GemmCeiling(string DType, int M, int I, int O, double FlopsPerSecond);

/// <param name="Gemm">one ceiling per element type, the backend's compute type first.</param>
/// <param name="BytesPerSecond">a large copy's bytes read + written per second.</param>
/// <param name="CopyBytes">bytes read + written by one copy of that measurement.</param>
public sealed record DeviceCeilings(IReadOnlyList<GemmCeiling> Gemm, double BytesPerSecond, long CopyBytes)
{
    /// <summary>The GEMM ceiling for ops computing in <paramref name="dtype"/>; the compute type's when unknown or not measured.</summary>
    public double FlopsPerSecond(string? dtype) =>
        (Gemm.FirstOrDefault(g => g.DType == dtype) ?? Gemm.FirstOrDefault())?.FlopsPerSecond ?? 0;

    public static DeviceCeilings Measure(IBackend backend)
    {
        bool gpu = backend.Device.Kind != DeviceKind.Cpu;
        int size = gpu ? 8192 : 1536;
        var gemm = new List<GemmCeiling>();
        foreach (var dtype in new[] { backend.ComputeType, DType.F32 }.Distinct())
        {
            double perCall = GemmAlone.SecondsPerCall(backend, size, size, size, gpu ? 10 : 2, dtype);
            gemm.Add(new GemmCeiling(dtype.ToString(), size, size, size, 2.0 * size * size * size / perCall));
        }

        int elements = gpu ? 128 << 20 : 16 << 20;
        using var src = new OwnedTensor(backend, elements);
        using var dst = new OwnedTensor(backend, elements);
        backend.Fill(src.T, 1f, elements);
        backend.Copy(dst.T, src.T, elements);
        backend.Synchronize();
        int reps = gpu ? 20 : 3;
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < reps; r++) backend.Copy(dst.T, src.T, elements);
        backend.Synchronize();
        long bytes = 2L * elements * src.T.DType.SizeInBytes();
        return new DeviceCeilings(gemm, bytes * (double)reps / clock.Elapsed.TotalSeconds, bytes);
    }
}
