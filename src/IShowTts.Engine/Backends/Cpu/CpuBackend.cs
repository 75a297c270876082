// Float32 reference backend: every op of IBackend on the CPU, all cores through Parallel.For, SIMD
// through System.Numerics.Tensors, GEMM through OpenBLAS when present (Blas/Gemm.cs) else managed.
// It defines what the CUDA backend must reproduce; it is not tuned beyond using the BLAS well.
// Ops are split by kind over the partial files CpuBackend.*.cs.
using IShowTts.Engine.Backends.Cpu.Blas;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

public sealed partial class CpuBackend : IBackend
{
    private readonly ScratchPool _scratch = new();

    public CpuBackend()
    {
        var blas = Gemm.BlasActive ? OpenBlas.Describe() : "no OpenBLAS found: managed GEMM (install libopenblas0-pthread for speed)";
        Device = new DeviceInfo(DeviceKind.Cpu, $"CPU ({Environment.ProcessorCount} cores)", 0, blas);
    }

    public DeviceInfo Device { get; }

    public DType ComputeType => DType.F32;

    public DType WeightType => DType.F32;

    /// <summary>True when GEMMs go through OpenBLAS rather than the managed fallback.</summary>
    public static bool UsesBlas => Gemm.BlasActive;

    public TensorStorage AllocateStorage(DType dtype, long count) => new CpuStorage(count);

    public void Upload(Tensor dst, ReadOnlySpan<float> src)
    {
        if (src.Length != dst.Count)
            throw new ArgumentException($"upload of {src.Length} values into {dst}");
        src.CopyTo(Span(dst));
    }

    public void Download(Tensor src, Span<float> dst)
    {
        if (dst.Length != src.Count)
            throw new ArgumentException($"download of {src} into {dst.Length} values");
        Span(src).CopyTo(dst);
    }

    public void Synchronize()
    {
    }

    public void Dispose() => _scratch.Clear();

    /// <summary>The CPU runs ops as they come: nothing to record.</summary>
    public IBackendGraph? Capture(Action work) => null;

    internal static Span<float> Span(Tensor t) =>
        ((CpuStorage)t.Storage).Data.AsSpan(checked((int)t.Offset), checked((int)t.Count));

    internal static float[] Array(Tensor t, out int offset)
    {
        offset = checked((int)t.Offset);
        return ((CpuStorage)t.Storage).Data;
    }

    /// <summary>The first <paramref name="length"/> elements of a tensor without copying (a struct, so lambdas can hold it).</summary>
    internal static ArraySegment<float> Segment(Tensor t, int length) =>
        new(((CpuStorage)t.Storage).Data, checked((int)t.Offset), length);

    /// <summary>Runs body over [0, count) in parallel chunks when the work is large enough to pay for it.</summary>
    private static void For(int count, long workPerItem, Action<int> body)
    {
        if (count <= 1 || (long)count * workPerItem < 32_768)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, body);
    }
}
