// LayerNorm (affine or modulated) and the global response norm: layernorm.cu and grn.cu. 16-bit rows of
// 256·k ≤ 2048 channels take layernorm_vec (a warp per row, one read, one write); others layernorm.
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    public void LayerNorm(Tensor y, Tensor x, Tensor? gamma, Tensor? beta, int rows, int c, float eps) =>
        RunLayerNorm(y, x, gamma, beta, null, null, rows, c, eps);

    public void LayerNormModulate(Tensor y, Tensor x, Tensor shift, Tensor scale, int rows, int c, float eps) =>
        RunLayerNorm(y, x, null, null, shift, scale, rows, c, eps);

    private void RunLayerNorm(Tensor y, Tensor x, Tensor? gamma, Tensor? beta, Tensor? shift, Tensor? scale, int rows, int c, float eps)
    {
        long count = (long)rows * c;
        Need(y, count, "LayerNorm y");
        Need(x, count, "LayerNorm x");
        if (gamma is not null) Need(gamma, c, "LayerNorm gamma");
        if (beta is not null) Need(beta, c, "LayerNorm beta");
        if (shift is not null) Need(shift, c, "LayerNormModulate shift");
        if (scale is not null) Need(scale, c, "LayerNormModulate scale");
        if (rows == 0) return;
        MakeCurrent();
        if (UseVectorKernels && x.DType is (DType.F16 or DType.BF16) && y.DType == x.DType && c % 256 == 0 && c <= 2048
            && SameTypeAligned(x.DType, x, y, gamma, beta, shift, scale))
        {
            Args().Add(Ptr(y)).Add(Ptr(x)).Add((int)x.DType).Add(PtrOrZero(gamma)).Add(PtrOrZero(beta))
                .Add(PtrOrZero(shift)).Add(PtrOrZero(scale)).Add(rows).Add(c).Add(eps);
            Launch("layernorm_vec", (uint)((rows + 7) / 8));
            return;
        }
        Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(x)).Add(Code(x))
            .Add(PtrOrZero(gamma)).Add(Code(gamma)).Add(PtrOrZero(beta)).Add(Code(beta))
            .Add(PtrOrZero(shift)).Add(Code(shift)).Add(PtrOrZero(scale)).Add(Code(scale))
            .Add(rows).Add(c).Add(eps);
        Launch("layernorm", (uint)rows);
    }

    private const int GrnRowsPerBlock = 64;

    /// <summary>Vectorised 16-bit kernels (layernorm_vec, rotary_pairs); off: the v1 scalar kernels, for comparisons.</summary>
    internal bool UseVectorKernels { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_VECTOR") != "0";

    /// <summary>Every given tensor is of <paramref name="type"/> and 16-byte aligned (16-byte vector loads).</summary>
    private bool SameTypeAligned(DType type, params ReadOnlySpan<Tensor?> tensors)
    {
        foreach (var t in tensors)
            if (t is not null && (t.DType != type || Ptr(t) % 16 != 0)) return false;
        return true;
    }

    public void Grn(Tensor x, Tensor gamma, Tensor beta, int b, int n, int c)
    {
        Need(x, (long)b * n * c, "Grn x");
        Need(gamma, c, "Grn gamma");
        Need(beta, c, "Grn beta");
        if (b == 0 || c == 0) return;
        MakeCurrent();
        int chunks = Math.Max(1, (n + GrnRowsPerBlock - 1) / GrnRowsPerBlock);
        ulong norms = _scratch.Get(ScratchSlot.GrnNorms, (long)b * c * (1 + chunks) * sizeof(double));
        ulong partial = norms + (ulong)((long)b * c * sizeof(double));
        Args().Add(partial).Add(Ptr(x)).Add(Code(x)).Add(n).Add(c);
        Launch("grn_partial", (uint)((c + 31) / 32), Threads, 0, (uint)chunks, (uint)b);
        Args().Add(norms).Add(partial).Add(chunks).Add(c);
        Launch("grn_scale", (uint)b);
        Args().Add(Ptr(x)).Add(Code(x)).Add(norms).Add(Ptr(gamma)).Add(Code(gamma)).Add(Ptr(beta)).Add(Code(beta)).Add(b).Add(n).Add(c);
        Launch("grn_apply", GridFor((long)b * n * c));
    }
}
