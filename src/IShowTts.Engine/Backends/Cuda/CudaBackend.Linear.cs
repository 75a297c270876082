// Linear layers through cuBLASLt. What the epilogue asks for decides the path:
//   1. cuBLASLt alone: bias, GELU-tanh (its GELU epilogue is the tanh form) and plain accumulation
//      (beta = 1, C = y) are fused into the GEMM.
//   2. GEMM (+ bias) into y, then the activation in place (exact GELU, SiLU, Mish).
//   3. The DiT's gated residual y += gate ⊙ (x·Wᵀ + b) with 16-bit y, by default as
//      y += x·(diag(gate)·W)ᵀ + gate ⊙ b: one ew_gate_weights pass scales the weight rows and the bias
//      into a workspace, then a plain GEMM with beta = 1 (C = D = y) and the bias epilogue (M2: at W1
//      out-proj 27 → ~17 µs, ff2 35 → ~24). Alternatives kept for comparison: "alpha" — cuBLASLt's device
//      alpha vector (gate as float) with the gated bias (ew_gate_vectors), which has only a slow algorithm
//      at W1's shapes (27.6 / 35.3 µs); "scratch" — path 4.
//   4. GEMM into a float workspace, then one ew_linear_epilogue pass: bias, activation, per-column gate
//      and accumulation (anything else, and where cuBLASLt has no alpha-vector algorithm).
// Inputs of another element type than the weights are converted first (cuBLASLt wants A and B alike).
using IShowTts.Engine.Backends.Cuda.Gemm;
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    public void Linear(Tensor y, Tensor x, Tensor w, Tensor? bias, int m, int i, int o, Epilogue epilogue)
    {
        if (w.Count != (long)o * i) throw new ArgumentException($"linear weight {w} is not ({o}, {i})");
        Need(y, (long)m * o, "Linear y");
        Need(x, (long)m * i, "Linear x");
        if (bias is not null) Need(bias, o, "Linear bias");
        if (epilogue.Gate is not null) Need(epilogue.Gate, o, "Linear gate");
        if (m == 0 || o == 0) return;
        if (i == 0) throw new ArgumentException("Linear with an input width of 0");
        MakeCurrent();

        DType ab = w.DType;
        ulong xp = Ptr(x);
        if (x.DType != ab)
        {
            xp = _scratch.Get(ScratchSlot.Converted, (long)m * i * ab.SizeInBytes());
            Args().Add(xp).Add((int)ab).Add(Ptr(x)).Add(Code(x)).Add((long)m * i);
            Launch("ew_convert", GridFor((long)m * i));
        }
        var act = epilogue.Activation;
        var gate = epilogue.Gate;
        bool accumulate = epilogue.Accumulate;
        bool yDirect = y.DType == ab || y.DType == DType.F32;
        bool biasFusable = bias is null || bias.DType == y.DType;

        if (yDirect && biasFusable && gate is null && (act == Activation.None || (act == Activation.GeluTanh && !accumulate)))
        {
            uint fused = act == Activation.GeluTanh
                ? bias is null ? CublasLt.EpilogueGelu : CublasLt.EpilogueGeluBias
                : bias is null ? CublasLt.EpilogueDefault : CublasLt.EpilogueBias;
            RowMajorGemm(Ptr(y), y.DType, xp, Ptr(w), ab, bias, m, o, i, fused, accumulate ? 1f : 0f);
            AfterOp("Linear");
            return;
        }
        if (yDirect && biasFusable && gate is null && !accumulate)
        {
            RowMajorGemm(Ptr(y), y.DType, xp, Ptr(w), ab, bias, m, o, i, bias is null ? CublasLt.EpilogueDefault : CublasLt.EpilogueBias, 0f);
            Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(y)).Add(Code(y)).Add((long)m * o).Add((int)act);
            Launch("ew_activate", GridFor((long)m * o));
            return;
        }
        if (gate is not null && accumulate && act == Activation.None && y.DType == ab && ab != DType.F32 && biasFusable)
        {
            if (GatedResidualMode == "weights" && i % 8 == 0 && (long)o * i < int.MaxValue && Ptr(w) % 16 == 0)
            {
                GatedWeightsGemm(y, xp, w, bias, gate, m, i, o);
                return;
            }
            if (GatedResidualMode == "alpha" && TryGatedResidualGemm(y, xp, w, bias, gate, m, i, o)) return;
        }
        ulong result = _scratch.Get(ScratchSlot.GemmResult, (long)m * o * sizeof(float));
        RowMajorGemm(result, DType.F32, xp, Ptr(w), ab, null, m, o, i, CublasLt.EpilogueDefault, 0f);
        Args().Add(Ptr(y)).Add(Code(y)).Add(result).Add((int)DType.F32).Add(PtrOrZero(bias)).Add(Code(bias))
            .Add(PtrOrZero(gate)).Add(Code(gate)).Add((long)m).Add(o).Add((int)act).Add(accumulate ? 1 : 0);
        Launch("ew_linear_epilogue", GridFor((long)m * o));
    }

    /// <summary>How the gated residual runs (path 3): "weights" (default), "alpha" or "scratch" (ISHOWTTS_CUDA_GATE).</summary>
    internal string GatedResidualMode { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_GATE") ?? "weights";

    private void GatedWeightsGemm(Tensor y, ulong xp, Tensor w, Tensor? bias, Tensor gate, int m, int i, int o)
    {
        DType ab = w.DType;
        long weightBytes = ((long)o * i * ab.SizeInBytes() + 255) / 256 * 256;
        ulong gatedWeights = _scratch.Get(ScratchSlot.GatedWeights, weightBytes + (long)o * ab.SizeInBytes());
        ulong gatedBias = gatedWeights + (ulong)weightBytes;
        Args().Add(gatedWeights).Add(Ptr(w)).Add((int)ab).Add(Ptr(gate)).Add(Code(gate)).Add(gatedBias).Add(PtrOrZero(bias)).Add(Code(bias))
            .Add(o).Add(i);
        Launch("ew_gate_weights", GridFor((long)o * i / 8));
        ulong yp = Ptr(y);
        var shape = new GemmShape(m, o, i, i, i, o, 1, 0, 0, 0, DataType(ab), DataType(y.DType),
            bias is null ? CublasLt.EpilogueDefault : CublasLt.EpilogueBias, bias is null ? -1 : DataType(y.DType),
            AlignOf(xp), AlignOf(gatedWeights), AlignOf(yp));
        _gemm.Run(_stream.Value, shape, yp, xp, gatedWeights, bias is null ? 0 : gatedBias, 1f);
        AfterOp("Linear (gated weights)");
    }

    private bool TryGatedResidualGemm(Tensor y, ulong xp, Tensor w, Tensor? bias, Tensor gate, int m, int i, int o)
    {
        DType ab = w.DType;
        long alphaBytes = ((long)o * sizeof(float) + 255) / 256 * 256;
        ulong alpha = _scratch.Get(ScratchSlot.GateVectors, alphaBytes + (long)o * ab.SizeInBytes());
        ulong gatedBias = alpha + (ulong)alphaBytes;
        ulong yp = Ptr(y);
        var shape = new GemmShape(m, o, i, i, i, o, 1, 0, 0, 0, DataType(ab), DataType(y.DType),
            bias is null ? CublasLt.EpilogueDefault : CublasLt.EpilogueBias, bias is null ? -1 : DataType(y.DType),
            AlignOf(xp), AlignOf(Ptr(w)), AlignOf(yp), CublasLt.PointerModeAlphaDeviceVectorBetaHost);
        if (!_gemm.TryPrepare(shape)) return false;
        Args().Add(alpha).Add(gatedBias).Add((int)ab).Add(Ptr(gate)).Add(Code(gate)).Add(PtrOrZero(bias)).Add(Code(bias)).Add(o);
        Launch("ew_gate_vectors", (uint)((o + Threads - 1) / Threads));
        if (bias is not null)
        {
            // The bias epilogue reads a pointer set on the shared plan: point it at the gated bias.
            _gemm.Run(_stream.Value, shape, yp, xp, Ptr(w), gatedBias, 1f, alpha);
        }
        else
        {
            _gemm.Run(_stream.Value, shape, yp, xp, Ptr(w), 0, 1f, alpha);
        }
        AfterOp("Linear (gated residual)");
        return true;
    }

    /// <summary>y (rows, cols) = x (rows, k) · w (cols, k)ᵀ, contiguous rows, through a cached cuBLASLt plan.</summary>
    private void RowMajorGemm(ulong y, DType yType, ulong x, ulong w, DType abType, Tensor? bias, int rows, int cols, int k, uint epilogue, float beta)
    {
        var shape = new GemmShape(rows, cols, k, k, k, cols, 1, 0, 0, 0,
            DataType(abType), DataType(yType), epilogue, bias is null ? -1 : DataType(bias.DType),
            AlignOf(x), AlignOf(w), AlignOf(y));
        _gemm.Run(_stream.Value, shape, y, x, w, PtrOrZero(bias), beta);
    }

    private static int DataType(DType t) => t switch
    {
        DType.F32 => CublasLt.R32F,
        DType.F16 => CublasLt.R16F,
        DType.BF16 => CublasLt.R16BF,
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };

    /// <summary>The largest power of two (at most 256) that divides every given byte address or stride.</summary>
    private static int AlignOf(params ReadOnlySpan<ulong> values)
    {
        ulong align = 256;
        foreach (var v in values)
            if (v != 0) align = Math.Min(align, v & (~v + 1));
        return (int)align;
    }
}
