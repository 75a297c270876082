// Convolutions over time: depthwise directly (conv.cu); grouped with 64 input and 64 output channels per
// group in 16-bit on sm_80+ (F5's conv_pos) through the implicit-GEMM tensor-core kernel conv_igemm
// (weights repacked once per weight tensor and cached, bias and activation fused); any other grouped conv as
// im2col + one strided-batched cuBLASLt GEMM over the groups per chunk of rows (the CPU backend's
// formulation), then one pass for bias and activation. The im2col workspace is capped, so long inputs
// go in several chunks.
using IShowTts.Engine.Backends.Cuda.Gemm;
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    private const long Im2ColBudgetElements = 16L << 20;
    private const int ImplicitGemmChannels = 64, ImplicitGemmRows = 128, ImplicitGemmMaxKernel = 63, ImplicitGemmStages = 4;

    private readonly List<(CudaStorage Storage, long Offset, int K, DeviceMemoryHandle Packed)> _packedConvWeights = [];

    /// <summary>
    /// The implicit-GEMM layout of a grouped conv weight, repacked on the first call with that weight tensor
    /// and kept while its storage lives (weights do not change; a new model is a new storage). Entries of
    /// disposed storages are returned to the pool when no recorded graph can point at them.
    /// </summary>
    private ulong PackedConvWeights(Tensor w, int co, int cig, int k, int groups)
    {
        var storage = (CudaStorage)w.Storage;
        if (LiveGraphs == 0)
            for (int i = _packedConvWeights.Count - 1; i >= 0; i--)
                if (_packedConvWeights[i].Storage.IsDisposed)
                {
                    _pool.Return(_packedConvWeights[i].Packed);
                    _packedConvWeights.RemoveAt(i);
                }
        foreach (var e in _packedConvWeights)
            if (ReferenceEquals(e.Storage, storage) && e.Offset == w.Offset && e.K == k) return e.Packed.Pointer;
        var block = _pool.Rent(w.Count * w.DType.SizeInBytes());
        _packedConvWeights.Add((storage, w.Offset, k, block));
        Args().Add(block.Pointer).Add(Ptr(w)).Add(co).Add(cig).Add(k).Add(groups);
        Launch("conv_repack_weights", GridFor((long)co * cig * k));
        return block.Pointer;
    }

    private void ReleasePackedConvWeights()
    {
        foreach (var e in _packedConvWeights) _pool.Return(e.Packed);
        _packedConvWeights.Clear();
    }

    /// <summary>Use conv_igemm where it applies (off: im2col + GEMM, for comparisons).</summary>
    internal bool UseImplicitGemmConv { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_CONV") != "im2col";

    public void DepthwiseConv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int c, int k)
    {
        long count = (long)b * n * c;
        Need(y, count, "DepthwiseConv1d y");
        Need(x, count, "DepthwiseConv1d x");
        Need(w, (long)c * k, "DepthwiseConv1d w");
        Need(bias, c, "DepthwiseConv1d bias");
        if (count == 0) return;
        MakeCurrent();
        Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(x)).Add(Code(x)).Add(Ptr(w)).Add(Code(w)).Add(Ptr(bias)).Add(Code(bias))
            .Add(b).Add(n).Add(c).Add(k);
        Launch("conv_depthwise", GridFor(count));
    }

    public void Conv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int ci, int co, int k, int groups, Activation act)
    {
        if (groups <= 0 || ci % groups != 0 || co % groups != 0) throw new ArgumentException($"conv1d channels {ci}→{co} not divisible by {groups} groups");
        int cig = ci / groups, cog = co / groups, cols = cig * k;
        Need(y, (long)b * n * co, "Conv1d y");
        Need(x, (long)b * n * ci, "Conv1d x");
        Need(w, (long)co * cols, "Conv1d w");
        Need(bias, co, "Conv1d bias");
        if (b == 0 || n == 0 || co == 0) return;
        MakeCurrent();

        DType ab = w.DType;
        int abSize = ab.SizeInBytes();
        if (UseImplicitGemmConv && ComputeCapability.Major >= 8 && ab is (DType.F16 or DType.BF16) && x.DType == ab && y.DType == ab
            && cig == ImplicitGemmChannels && cog == ImplicitGemmChannels && ci == co && k <= ImplicitGemmMaxKernel
            && Ptr(x) % 16 == 0 && Ptr(y) % 16 == 0 && Ptr(w) % 2 == 0)
        {
            ulong packed = PackedConvWeights(w, co, cig, k, groups);
            uint shared = (uint)((ImplicitGemmRows + k - 1 + ImplicitGemmStages * ImplicitGemmChannels) * (ImplicitGemmChannels + 8) * sizeof(ushort));
            Args().Add(Ptr(y)).Add(Ptr(x)).Add(packed).Add(Ptr(bias)).Add(Code(bias)).Add(n).Add(ci).Add(k).Add((int)act);
            Launch(ab == DType.F16 ? "conv_igemm_f16" : "conv_igemm_bf16", (uint)((n + ImplicitGemmRows - 1) / ImplicitGemmRows), 128, shared,
                (uint)groups, (uint)b);
            return;
        }
        bool direct = y.DType == ab || y.DType == DType.F32;
        DType resultType = direct ? y.DType : DType.F32;
        int resultSize = resultType.SizeInBytes();
        ulong result = direct ? Ptr(y) : _scratch.Get(ScratchSlot.GemmResult, (long)b * n * co * sizeof(float));
        long perRow = (long)groups * cols;
        int chunkRows = (int)Math.Clamp(Im2ColBudgetElements / perRow, 1, n);
        ulong im2col = _scratch.Get(ScratchSlot.Im2Col, chunkRows * perRow * abSize);
        ulong weights = Ptr(w);
        for (int item = 0; item < b; item++)
            for (int row0 = 0; row0 < n; row0 += chunkRows)
            {
                int rows = Math.Min(chunkRows, n - row0);
                Args().Add(im2col).Add((int)ab).Add(Ptr(x)).Add(Code(x)).Add(item).Add(n).Add(ci).Add(k).Add(groups).Add(row0).Add(rows);
                Launch("conv_im2col", GridFor(rows * perRow));
                // Per group g: y[rows, g·cog … (g+1)·cog) = im2col_g (rows, cols) · w_g (cog, cols)ᵀ.
                ulong target = result + (ulong)(((long)item * n + row0) * co * resultSize);
                var shape = new GemmShape(rows, cog, cols, cols, cols, co, groups, (long)rows * cols, (long)cog * cols, cog,
                    DataType(ab), DataType(resultType), CublasLt.EpilogueDefault, -1,
                    AlignOf(im2col, (ulong)((long)rows * cols * abSize)), AlignOf(weights, (ulong)((long)cog * cols * abSize)),
                    AlignOf(target, (ulong)((long)cog * resultSize)));
                _gemm.Run(_stream.Value, shape, target, im2col, weights, 0, 0f);
                AfterOp("Conv1d GEMM");
            }
        Args().Add(Ptr(y)).Add(Code(y)).Add(result).Add((int)resultType).Add(Ptr(bias)).Add(Code(bias))
            .Add(0UL).Add(0).Add((long)b * n).Add(co).Add((int)act).Add(0);
        Launch("ew_linear_epilogue", GridFor((long)b * n * co));
    }
}
