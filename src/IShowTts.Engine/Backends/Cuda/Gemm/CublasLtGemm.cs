// Row-major GEMMs through cuBLASLt: y (rows, cols) = epilogue(x (rows, k) · w (cols, k)ᵀ [+ bias] [+ y]),
// optionally strided-batched. Row-major y is column-major yᵀ, so cuBLASLt computes yᵀ = w · xᵀ with
// A = w (op T), B = x (op N), M = cols, N = rows. fp16/bf16 in, fp32 accumulate (CUBLAS_COMPUTE_32F;
// fp32 inputs stay true fp32, no TF32). Plans are cached per GemmShape; a call sets only the bias pointer.
// Autotuning: the heuristic proposes up to 8 algorithms; the first real call of a shape (never inside a
// graph capture) times each on the call's operands with a scratch output and keeps the fastest — the
// heuristic's first choice was up to 2x off at W1's shapes.
using System.Diagnostics.CodeAnalysis;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Gemm;

internal sealed unsafe class CublasLtGemm : IDisposable
{
    private readonly CublasLtHandle _handle;
    private readonly ulong _workspace;
    private readonly long _workspaceBytes;
    private readonly Dictionary<GemmShape, GemmPlan> _plans = [];

    private const int Candidates = 8, TuneRepeats = 5;

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

    /// <summary>
    /// Lends a scratch output of the given bytes for tuning (and takes it back), or declines (null) when no
    /// memory may be taken now, e.g. while a graph is recorded: the shape then keeps the heuristic's choice
    /// until a later call. Null turns tuning off.
    /// </summary>
    public Func<long, (ulong Pointer, Action Release)?>? TuningScratch { get; set; }

    /// <summary>Times the candidates of an untuned plan (see TuningScratch); for bench reports.</summary>
    public IEnumerable<(GemmShape Shape, double First, double Chosen)> TuningResults =>
        _plans.Where(p => p.Value.TunedMicroseconds is not null).Select(p => (p.Key, p.Value.TunedMicroseconds!.Value.First, p.Value.TunedMicroseconds!.Value.Chosen));

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
        if (!plan.Tuned) Tune(plan, shape, stream, x, w, alphaVector, beta);
        Matmul(plan, plan.Algo, stream, y, x, w, alphaVector, beta);
    }

    private void Matmul(GemmPlan plan, CublasLt.Algo algo, nint stream, ulong y, ulong x, ulong w, ulong alphaVector, float beta)
    {
        float alpha = 1f;
        void* alphaPointer = plan.AlphaVector ? (void*)alphaVector : &alpha;
        CublasLt.Check(CublasLt.cublasLtMatmul(_handle.Value, plan.Desc.Value, alphaPointer, w, plan.W.Value, x, plan.X.Value,
            &beta, y, plan.Y.Value, y, plan.Y.Value, &algo, _workspace, (nuint)_workspaceBytes, stream));
    }

    /// <summary>Times every candidate on the call's inputs into a scratch output; keeps the fastest.</summary>
    private void Tune(GemmPlan plan, in GemmShape s, nint stream, ulong x, ulong w, ulong alphaVector, float beta)
    {
        long elements = (long)(s.Batch - 1) * s.StrideY + (long)s.Rows * s.Ldy;
        long bytes = elements * (s.DType == CublasLt.R32F ? 4 : 2);
        if (TuningScratch?.Invoke(bytes) is not { } scratch) return;
        try
        {
            EnsureEvents();
            double best = double.MaxValue, first = 0;
            int bestIndex = 0;
            for (int i = 0; i < plan.Candidates.Length; i++)
            {
                var algo = plan.Candidates[i];
                if (!TryMatmul(plan, algo, stream, scratch.Pointer, x, w, alphaVector, beta)) continue;
                CudaDriver.Check(CudaDriver.cuEventRecord(_start!.Value, stream));
                for (int r = 0; r < TuneRepeats; r++) Matmul(plan, algo, stream, scratch.Pointer, x, w, alphaVector, beta);
                CudaDriver.Check(CudaDriver.cuEventRecord(_end!.Value, stream));
                CudaDriver.Check(CudaDriver.cuEventSynchronize(_end.Value));
                CudaDriver.Check(CudaDriver.cuEventElapsedTime(out var ms, _start.Value, _end.Value));
                double us = ms * 1000.0 / TuneRepeats;
                if (i == 0) first = us;
                if (us < best)
                {
                    best = us;
                    bestIndex = i;
                }
            }
            plan.Algo = plan.Candidates[bestIndex];
            plan.Tuned = true;
            plan.TunedMicroseconds = (first, best);
        }
        finally
        {
            scratch.Release();
        }
    }

    /// <summary>One warm-up call with <paramref name="algo"/>; false where cuBLASLt refuses it for these operands.</summary>
    private bool TryMatmul(GemmPlan plan, CublasLt.Algo algo, nint stream, ulong y, ulong x, ulong w, ulong alphaVector, float beta)
    {
        float alpha = 1f;
        void* alphaPointer = plan.AlphaVector ? (void*)alphaVector : &alpha;
        return CublasLt.cublasLtMatmul(_handle.Value, plan.Desc.Value, alphaPointer, w, plan.W.Value, x, plan.X.Value,
            &beta, y, plan.Y.Value, y, plan.Y.Value, &algo, _workspace, (nuint)_workspaceBytes, stream) == 0;
    }

    private CudaEventHandle? _start, _end;

    [MemberNotNull(nameof(_start), nameof(_end))]
    private void EnsureEvents()
    {
        if (_start is null)
        {
            CudaDriver.Check(CudaDriver.cuEventCreate(out var e, 0));
            _start = new CudaEventHandle(e, 0);
        }
        if (_end is null)
        {
            CudaDriver.Check(CudaDriver.cuEventCreate(out var e, 0));
            _end = new CudaEventHandle(e, 0);
        }
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

            var results = stackalloc CublasLt.HeuristicResult[Candidates];
            CublasLt.Check(CublasLt.cublasLtMatmulAlgoGetHeuristic(_handle.Value, d, w.Value, x.Value, y.Value, y.Value, p, Candidates, results, out var returned));
            if (returned == 0)
                throw new CudaException($"cuBLASLt has no algorithm for {s}");
            var candidates = new CublasLt.Algo[returned];
            for (int i = 0; i < returned; i++) candidates[i] = results[i].Algo;
            return new GemmPlan(desc, w, x, y, results[0].Algo, (long)results[0].WorkspaceSize, candidates)
            {
                AlphaVector = s.PointerMode == CublasLt.PointerModeAlphaDeviceVectorBetaHost,
            };
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
        _start?.Dispose();
        _end?.Dispose();
        foreach (var plan in _plans.Values) plan.Dispose();
        _plans.Clear();
        _handle.Dispose();
    }
}
