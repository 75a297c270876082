// Row-major GEMMs through cuBLASLt: y (rows, cols) = epilogue(x (rows, k) · w (cols, k)ᵀ [+ bias] [+ y]),
// optionally strided-batched. Row-major y is column-major yᵀ, so cuBLASLt computes yᵀ = w · xᵀ with
// A = w (op T), B = x (op N), M = cols, N = rows. fp16/bf16 in, fp32 accumulate (CUBLAS_COMPUTE_32F;
// fp32 inputs stay true fp32, no TF32). Plans are cached per GemmShape; a call sets only the bias pointer.
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Gemm;

internal sealed unsafe class CublasLtGemm : IDisposable
{
    private readonly CublasLtHandle _handle;
    private readonly ulong _workspace;
    private readonly long _workspaceBytes;
    private readonly Dictionary<GemmShape, GemmPlan> _plans = [];

    /// <param name="workspace">device memory the backend owns, <paramref name="workspaceBytes"/> long.</param>
    public CublasLtGemm(ulong workspace, long workspaceBytes)
    {
        CublasLt.Check(CublasLt.cublasLtCreate(out var raw));
        _handle = new CublasLtHandle(raw);
        _workspace = workspace;
        _workspaceBytes = workspaceBytes;
    }

    public static string Version()
    {
        var v = (long)CublasLt.cublasLtGetVersion();
        return $"{v / 10000}.{v / 100 % 100}.{v % 100}";
    }

    public int CachedPlans => _plans.Count;

    private readonly HashSet<GemmShape> _unsupported = [];

    /// <summary>Creates (and caches) the plan for <paramref name="shape"/>; false where cuBLASLt has none for it.</summary>
    public bool TryPrepare(in GemmShape shape)
    {
        if (_plans.ContainsKey(shape)) return true;
        if (_unsupported.Contains(shape)) return false;
        try
        {
            _plans[shape] = CreatePlan(shape);
            return true;
        }
        catch (CudaException)
        {
            _unsupported.Add(shape);
            return false;
        }
    }

    /// <param name="bias">device pointer of (cols) bias values, or 0.</param>
    /// <param name="beta">0 to overwrite y, 1 to add to it.</param>
    /// <param name="alphaVector">with PointerModeAlphaDeviceVectorBetaHost: device pointer of (cols) float alphas.</param>
    public void Run(nint stream, in GemmShape shape, ulong y, ulong x, ulong w, ulong bias, float beta, ulong alphaVector = 0)
    {
        if (!_plans.TryGetValue(shape, out var plan))
        {
            plan = CreatePlan(shape);
            _plans[shape] = plan;
        }
        if (shape.BiasType >= 0)
            CublasLt.Check(CublasLt.cublasLtMatmulDescSetAttribute(plan.Desc.Value, CublasLt.DescBiasPointer, &bias, (nuint)sizeof(ulong)));
        float alpha = 1f;
        void* alphaPointer = shape.PointerMode == CublasLt.PointerModeAlphaDeviceVectorBetaHost ? (void*)alphaVector : &alpha;
        fixed (CublasLt.Algo* algo = &plan.Algo)
            CublasLt.Check(CublasLt.cublasLtMatmul(_handle.Value, plan.Desc.Value, alphaPointer, w, plan.W.Value, x, plan.X.Value,
                &beta, y, plan.Y.Value, y, plan.Y.Value, algo, _workspace, (nuint)_workspaceBytes, stream));
    }

    private GemmPlan CreatePlan(in GemmShape s)
    {
        MatmulDescHandle? desc = null;
        MatrixLayoutHandle? w = null, x = null, y = null;
        try
        {
            CublasLt.Check(CublasLt.cublasLtMatmulDescCreate(out var d, CublasLt.Compute32F, CublasLt.R32F));
            desc = new MatmulDescHandle(d);
            int opT = CublasLt.OpT, opN = CublasLt.OpN;
            uint epilogue = s.Epilogue;
            CublasLt.Check(CublasLt.cublasLtMatmulDescSetAttribute(d, CublasLt.DescTransA, &opT, sizeof(int)));
            CublasLt.Check(CublasLt.cublasLtMatmulDescSetAttribute(d, CublasLt.DescTransB, &opN, sizeof(int)));
            CublasLt.Check(CublasLt.cublasLtMatmulDescSetAttribute(d, CublasLt.DescEpilogue, &epilogue, sizeof(uint)));
            if (s.PointerMode != CublasLt.PointerModeHost)
            {
                int mode = s.PointerMode;
                CublasLt.Check(CublasLt.cublasLtMatmulDescSetAttribute(d, CublasLt.DescPointerMode, &mode, sizeof(int)));
            }
            if (s.BiasType >= 0)
            {
                int biasType = s.BiasType;
                CublasLt.Check(CublasLt.cublasLtMatmulDescSetAttribute(d, CublasLt.DescBiasDataType, &biasType, sizeof(int)));
            }
            // A = w: column-major (k, cols); B = x: column-major (k, rows); C = D = yᵀ: column-major (cols, rows).
            w = Layout(s.AbType, s.K, s.Cols, s.Ldw, s.Batch, s.StrideW);
            x = Layout(s.AbType, s.K, s.Rows, s.Ldx, s.Batch, s.StrideX);
            y = Layout(s.DType, s.Cols, s.Rows, s.Ldy, s.Batch, s.StrideY);

            CublasLt.Check(CublasLt.cublasLtMatmulPreferenceCreate(out var p));
            using var pref = new MatmulPreferenceHandle(p);
            ulong ws = (ulong)_workspaceBytes;
            uint alignW = (uint)s.AlignW, alignX = (uint)s.AlignX, alignY = (uint)s.AlignY;
            CublasLt.Check(CublasLt.cublasLtMatmulPreferenceSetAttribute(p, CublasLt.PrefMaxWorkspaceBytes, &ws, sizeof(ulong)));
            CublasLt.Check(CublasLt.cublasLtMatmulPreferenceSetAttribute(p, CublasLt.PrefMinAlignmentABytes, &alignW, sizeof(uint)));
            CublasLt.Check(CublasLt.cublasLtMatmulPreferenceSetAttribute(p, CublasLt.PrefMinAlignmentBBytes, &alignX, sizeof(uint)));
            CublasLt.Check(CublasLt.cublasLtMatmulPreferenceSetAttribute(p, CublasLt.PrefMinAlignmentCBytes, &alignY, sizeof(uint)));
            CublasLt.Check(CublasLt.cublasLtMatmulPreferenceSetAttribute(p, CublasLt.PrefMinAlignmentDBytes, &alignY, sizeof(uint)));

            CublasLt.HeuristicResult result;
            CublasLt.Check(CublasLt.cublasLtMatmulAlgoGetHeuristic(_handle.Value, d, w.Value, x.Value, y.Value, y.Value, p, 1, &result, out var returned));
            if (returned == 0)
                throw new CudaException($"cuBLASLt has no algorithm for {s}");
            return new GemmPlan(desc, w, x, y, result.Algo, (long)result.WorkspaceSize);
        }
        catch
        {
            desc?.Dispose();
            w?.Dispose();
            x?.Dispose();
            y?.Dispose();
            throw;
        }
    }

    private static MatrixLayoutHandle Layout(int type, int rows, int cols, int ld, int batch, long stride)
    {
        CublasLt.Check(CublasLt.cublasLtMatrixLayoutCreate(out var raw, type, (ulong)rows, (ulong)cols, ld));
        var layout = new MatrixLayoutHandle(raw);
        if (batch > 1)
        {
            try
            {
                CublasLt.Check(CublasLt.cublasLtMatrixLayoutSetAttribute(raw, CublasLt.LayoutBatchCount, &batch, sizeof(int)));
                CublasLt.Check(CublasLt.cublasLtMatrixLayoutSetAttribute(raw, CublasLt.LayoutStridedBatchOffset, &stride, sizeof(long)));
            }
            catch
            {
                layout.Dispose();
                throw;
            }
        }
        return layout;
    }

    public void Dispose()
    {
        foreach (var plan in _plans.Values) plan.Dispose();
        _plans.Clear();
        _handle.Dispose();
    }
}
