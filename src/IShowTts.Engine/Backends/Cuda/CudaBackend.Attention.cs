// Rotary embedding and attention over the packed qkv buffer: rotary.cu, attention.cu and (sm_90 only)
// attention_sm90a.cu. Attention runs on tensor cores for F16/BF16, head sizes 16/32/64/128, sm_80+ and
// 16-byte aligned qkv: head size 64 on sm_90 through wgmma with K/V brought by the tensor-copy engine
// (attention_wt_*, v5, default) or by cp.async (attention_wg_*, v4), elsewhere through mma.sync
// (attention_fa_* v3 for head size 64, attention_mma_* v2 otherwise); everything else (F32, other head
// sizes, Turing) takes attention_simple. ISHOWTTS_CUDA_ATTENTION=simple|v2|v3|v4 forces an older path.
using IShowTts.Engine.Backends.Cuda.Compilation;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    private const int MaxHeadSize = 128;
    private const int AttentionKeyTile = 32;
    private const int AttentionQueriesPerBlock = 16;
    private const int MmaRowsPerBlock = 64;
    private const int MmaKeysPerTile = 64;
    private const int RotaryFramesPerBlock = 8;

    /// <summary>
    /// Tensor-core attention version for head size 64: 5 (attention_wt, wgmma + TMA; default where the sm_90a
    /// kernels loaded), 4 (attention_wg, wgmma + cp.async), 3 (attention_fa, the default elsewhere) or 2
    /// (attention_mma). ISHOWTTS_CUDA_ATTENTION=v2|v3|v4 picks an older one.
    /// </summary>
    internal int AttentionVersion { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_ATTENTION") switch
    {
        "v2" => 2,
        "v3" => 3,
        "v4" => 4,
        _ => 5,
    };

    /// <summary>
    /// Variant of attention_wt (v5, K/V brought by the tensor-copy engine, a producer warp, mbarriers):
    /// w&lt;consumer warpgroups&gt;s&lt;stages&gt;. ISHOWTTS_CUDA_ATTENTION_WT overrides.
    /// </summary>
    internal string AttentionWtVariant { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_ATTENTION_WT") ?? DefaultWtVariant;

    internal const string DefaultWtVariant = "w3s2k128";

    /// <summary>The attention_wt variants (name, consumer warpgroups, stages, keys per tile), as instantiated in
    /// attention_sm90a.cu; a trailing "h" (fp16x2 exponentials) exists for f16 only.</summary>
    internal static readonly (string Name, int Warpgroups, int Stages, int Keys)[] WtVariants =
    [
        ("w3s2", 3, 2, 64), ("w3s4", 3, 4, 64), ("w2s2", 2, 2, 64), ("w2s4", 2, 4, 64), ("w1s4", 1, 4, 64),
        ("w3s2k128", 3, 2, 128), ("w3s3k128", 3, 3, 128), ("w2s2k128", 2, 2, 128), ("w3s2h", 3, 2, 64), ("w2s2h", 2, 2, 64),
    ];

    /// <summary>
    /// Variant of attention_wg (v4): w&lt;warpgroups per block&gt;s&lt;K/V stages&gt;, "o" = softmax of the next tile
    /// overlapped with this tile's P V. ISHOWTTS_CUDA_ATTENTION_WG overrides.
    /// </summary>
    internal string AttentionWgVariant { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_ATTENTION_WG") ?? DefaultWgVariant;

    internal const string DefaultWgVariant = "w3s2";

    /// <summary>
    /// The attention_wg variants (name, warpgroups, K/V stages, keys per tile), as instantiated at the end of
    /// attention_sm90a.cu; a trailing "h" (fp16x2 exponentials) exists for f16 only.
    /// </summary>
    internal static readonly (string Name, int Warpgroups, int Stages, int Keys)[] WgVariants =
    [
        ("w2s2", 2, 2, 64), ("w2s4", 2, 4, 64), ("w3s2", 3, 2, 64), ("w3s3", 3, 3, 64), ("w2s3o", 2, 3, 64), ("w3s3o", 3, 3, 64),
        ("w2s3oh", 2, 3, 64), ("w2s3k128o", 2, 3, 128),
    ];

    /// <summary>Timing diagnostics of the default (f16 only, wrong results by design: never for speech): w3s2 without
    /// the K/V loads past the first tile, without exponentials, without loads and barriers.</summary>
    internal static readonly (string Name, int Warpgroups, int Stages, int Keys)[] WgDiagnostics =
        [("w3s2_noload", 3, 2, 64), ("w3s2_noexp", 3, 2, 64), ("w3s2_nobarrier", 3, 2, 64)];

    /// <summary>Registers per thread and local-memory (spill) bytes of a kernel, from the driver.</summary>
    internal (int Registers, int LocalBytes) KernelResources(string kernel)
    {
        MakeCurrent();
        var f = _kernels[kernel];
        CudaDriver.Check(CudaDriver.cuFuncGetAttribute(out var regs, CudaDriver.FuncAttributeNumRegs, f));
        CudaDriver.Check(CudaDriver.cuFuncGetAttribute(out var local, CudaDriver.FuncAttributeLocalSizeBytes, f));
        return (regs, local);
    }

    /// <summary>True when this device runs attention_wg (sm_90 with the sm_90a module loaded).</summary>
    internal bool HasWgmmaAttention => _kernels.HasSm90a;

    /// <summary>
    /// Block shape of attention_fa: "w8" (8 warps x 16 rows, default: 91 µs at W1), "w4m2" (4 x 32: 108 µs),
    /// "w4" (4 x 16: 104 µs), "w8s3" (w8 with 3 K/V stages) or "w8b2" (w8 with registers capped for 2 blocks per SM).
    /// </summary>
    internal string AttentionBlock { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_ATTENTION_BLOCK") ?? "w8";

    /// <summary>Use attention_simple even where the tensor-core kernel applies (bench comparisons, debugging).</summary>
    internal bool ForceSimpleAttention { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_ATTENTION") == "simple";

    public void Rotary(Tensor qkv, int b, int n, int h, int dh, int rotaryHeads)
    {
        Need(qkv, (long)b * n * 3 * h * dh, "Rotary qkv");
        int heads = Math.Min(rotaryHeads, h), half = dh / 2;
        if (heads <= 0 || b == 0 || n == 0 || half == 0) return;
        if (dh > MaxHeadSize) throw new NotSupportedException($"Rotary: head size {dh} is above the CUDA backend's {MaxHeadSize}");
        MakeCurrent();
        var invFreq = new InvFreq64();
        // The CPU backend's float formula, so both sides rotate by the same angles.
        for (int j = 0; j < half; j++) invFreq[j] = 1f / MathF.Pow(10000f, (2f * j) / dh);
        if (UseVectorKernels && qkv.DType is (DType.F16 or DType.BF16) && dh % 8 == 0 && Ptr(qkv) % 16 == 0)
        {
            Args().Add(Ptr(qkv)).Add(Code(qkv)).Add(b).Add(n).Add(h).Add(dh).Add(heads).Add(invFreq);
            Launch("rotary_pairs", (uint)Math.Min(((long)b * n + RotaryFramesPerBlock - 1) / RotaryFramesPerBlock, MultiprocessorCount * 16L));
            return;
        }
        Args().Add(Ptr(qkv)).Add(Code(qkv)).Add(b).Add(n).Add(h).Add(dh).Add(heads).Add(invFreq);
        Launch("rotary_interleaved", (uint)Math.Min((long)b * n, MultiprocessorCount * 16L));
    }

    public void Attention(Tensor y, Tensor qkv, int b, int n, int h, int dh)
    {
        Need(y, (long)b * n * h * dh, "Attention y");
        Need(qkv, (long)b * n * 3 * h * dh, "Attention qkv");
        if (b == 0 || n == 0 || h == 0) return;
        if (dh < 1 || dh > MaxHeadSize) throw new NotSupportedException($"Attention: head size {dh} is outside the CUDA backend's 1…{MaxHeadSize}");
        MakeCurrent();
        float scaleLog2e = (float)(1.0 / Math.Sqrt(dh) * 1.4426950408889634);
        ulong packed = Ptr(qkv);
        if (!ForceSimpleAttention && ComputeCapability.Major >= 8 && qkv.DType is (DType.F16 or DType.BF16)
            && dh is (16 or 32 or 64 or 128) && packed % 16 == 0)
        {
            string type = qkv.DType == DType.F16 ? "f16" : "bf16";
            if (AttentionVersion >= 5 && _kernels.HasSm90a && dh == 64 && (y.DType == qkv.DType || y.DType == DType.F32) && Ptr(y) % 4 == 0)
            {
                var variant = Array.Find(WtVariants, v => v.Name == AttentionWtVariant);
                if (variant.Name is null) variant = Array.Find(WtVariants, v => v.Name == DefaultWtVariant);
                int rows = 64 * variant.Warpgroups, keys = variant.Keys, qRows = (rows + keys - 1) / keys * keys;
                // K/V stages of 2 x keys x 128 bytes, Q rows (whole key-sized boxes) of 128 bytes, 1 KB to align, the mbarriers.
                uint wt = (uint)(variant.Stages * 2 * keys * 128 + qRows * 128 + 1024 + (2 * variant.Stages + 1) * 8);
                var map = CuTensorMap.Tiled2D(packed, qkv.DType == DType.BF16, (long)b * n, 3L * h * dh, keys, 64);
                string name = type == "bf16" ? variant.Name.TrimEnd('h') : variant.Name;
                Args().Add(Ptr(y)).Add(Code(y)).Add(map).Add(n).Add(h).Add(scaleLog2e);
                Launch($"attention_wt_{type}_{name}", (uint)((n + rows - 1) / rows), (uint)(128 * variant.Warpgroups + 32), wt, (uint)h, (uint)b);
                return;
            }
            if (AttentionVersion >= 4 && _kernels.HasSm90a && dh == 64 && (y.DType == qkv.DType || y.DType == DType.F32) && Ptr(y) % 4 == 0)
            {
                var variant = Array.Find(WgVariants, v => v.Name == AttentionWgVariant);
                if (variant.Name is null) variant = Array.Find(WgDiagnostics, v => v.Name == AttentionWgVariant);
                if (variant.Name is null) variant = Array.Find(WgVariants, v => v.Name == DefaultWgVariant);
                int rows = 64 * variant.Warpgroups;
                // K/V stages of 2 x keys x 128 bytes, Q rows of 128 bytes, 1 KB to align the stages.
                uint wg = (uint)(variant.Stages * 2 * variant.Keys * 128 + rows * 128 + 1024);
                string name = type == "bf16" ? variant.Name.TrimEnd('h') : variant.Name;
                Args().Add(Ptr(y)).Add(Code(y)).Add(packed).Add(n).Add(h).Add(scaleLog2e);
                Launch($"attention_wg_{type}_{name}", (uint)((n + rows - 1) / rows), (uint)(128 * variant.Warpgroups), wg, (uint)h, (uint)b);
                return;
            }
            if (AttentionVersion >= 3 && dh == 64 && (y.DType == qkv.DType || y.DType == DType.F32) && Ptr(y) % 4 == 0)
            {
                var (block, warps, rows, stages) = AttentionBlock switch
                {
                    "w4m2" => ("w4m2", 4, 128, 2),
                    "w4" => ("w4", 4, 64, 2),
                    "w8s3" => ("w8s3", 8, 128, 3),
                    "w8b2" => ("w8b2", 8, 128, 2),
                    _ => ("w8", 8, 128, 2),
                };
                uint fa = (uint)((rows + stages * 2 * MmaKeysPerTile) * (dh + 8) * sizeof(ushort));
                Args().Add(Ptr(y)).Add(Code(y)).Add(packed).Add(n).Add(h).Add(scaleLog2e);
                Launch($"attention_fa_{type}_d64_{block}", (uint)((n + rows - 1) / rows), (uint)(32 * warps), fa, (uint)h, (uint)b);
                return;
            }
            string kernel = $"attention_mma_{type}_d{dh}";
            uint tiles = (uint)((MmaRowsPerBlock + 2 * MmaKeysPerTile) * (dh + 8) * sizeof(ushort));
            Args().Add(Ptr(y)).Add(Code(y)).Add(packed).Add(n).Add(h).Add(scaleLog2e);
            Launch(kernel, (uint)((n + MmaRowsPerBlock - 1) / MmaRowsPerBlock), 128, tiles, (uint)h, (uint)b);
            return;
        }
        uint shared = (uint)((AttentionKeyTile * (dh + 1) + AttentionKeyTile * dh + AttentionQueriesPerBlock * dh) * sizeof(float));
        Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(qkv)).Add(Code(qkv)).Add(n).Add(h).Add(dh).Add(scaleLog2e);
        Launch("attention_simple", (uint)((n + AttentionQueriesPerBlock - 1) / AttentionQueriesPerBlock), 128, shared, (uint)h, (uint)b);
    }
}
