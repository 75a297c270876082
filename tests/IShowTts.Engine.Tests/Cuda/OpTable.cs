// The cross-backend op table (ggml test-backend-ops style): one row per op, shape and element type.
// Shapes are odd on purpose (rows not multiples of a tile, head sizes 16…128 on both attention kernels:
// tensor cores for F16/BF16 with dh 16/32/64/128, the simple kernel for F32 and dh 40, a chunked im2col) and
// include the tiny golden models' sizes (d 64, dh 16, text_dim 32). Adding an op adds rows here.
using IShowTts.Engine.Backends.Cuda;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Vocoder;

namespace IShowTts.Engine.Tests.Cuda;

internal static class OpTable
{
    private const DType F32 = DType.F32, F16 = DType.F16, BF16 = DType.BF16;

    public static readonly OpCase[] Rows = [.. Build()];

    public static OpCase Find(string name) => Rows.Single(r => r.Name == name);

    private static IEnumerable<OpCase> Build()
    {
        foreach (var t in new[] { F32, F16 })
        {
            string s = t.ToString().ToLowerInvariant();
            yield return new($"copy {s} 4099", t, r =>
            {
                var x = r.Input(3f, 4099);
                var y = r.Output(4099);
                r.Backend.Copy(y, x, 4099);
                return y;
            });
            yield return new($"fill {s} 1000", t, r =>
            {
                var y = r.Output(1000);
                r.Backend.Fill(y, -1.25f, 1000);
                return y;
            });
            yield return new($"add {s} 100003", t, r =>
            {
                var a = r.Input(2f, 100003);
                var b = r.Input(2f, 100003);
                var y = r.Output(100003);
                r.Backend.Add(y, a, b, 100003);
                return y;
            });
            foreach (var act in new[] { Activation.Gelu, Activation.GeluTanh, Activation.Silu, Activation.Mish })
                yield return new($"activate {act} {s} 5000", t, r =>
                {
                    var x = r.Input(act == Activation.Mish ? 25f : 5f, 5000);
                    var y = r.Output(5000);
                    r.Backend.Activate(y, x, 5000, act);
                    return y;
                });
            yield return new($"gated_add {s} 37x96", t, r =>
            {
                var x = r.Input(1f, 37, 96);
                var a = r.Input(1f, 37, 96);
                var g = r.Input(1f, 96);
                r.Backend.GatedAdd(x, a, g, 37, 96);
                return x;
            });
            yield return new($"euler_cfg packed {s} 5000", t, r =>
            {
                var y = r.Input(1f, 5000);
                var v = r.Input(2f, 2, 5000);
                r.Backend.EulerCfgStep(y, v, 5000, 0.0625f, 2f, packed: true);
                return y;
            });
            yield return new($"euler_cfg single {s} 5000", t, r =>
            {
                var y = r.Input(1f, 5000);
                var v = r.Input(2f, 5000);
                r.Backend.EulerCfgStep(y, v, 5000, 0.3f, 2f, packed: false);
                return y;
            });

            // Linear: every epilogue path of the CUDA backend (fused, act after, float scratch + epilogue).
            yield return Linear(t, 37, 64, 48, bias: false, "none");
            yield return Linear(t, 50, 96, 80, bias: true, "none");
            yield return Linear(t, 64, 64, 128, bias: true, "gelutanh");
            yield return Linear(t, 64, 64, 128, bias: true, "gelu");
            yield return Linear(t, 19, 256, 64, bias: true, "silu");
            yield return Linear(t, 45, 64, 72, bias: true, "add");
            yield return Linear(t, 45, 64, 72, bias: false, "gelutanh");
            yield return Linear(t, 45, 128, 64, bias: true, "gated");
            yield return Linear(t, 45, 100, 64, bias: false, "none");       // K = D = 100, like input_embed.proj.x
            yield return Linear(t, 45, 64, 100, bias: true, "none");        // o = D = 100, like proj_out
            yield return Linear(t, 331, 512, 1536, bias: true, "none");

            yield return new($"embedding {s} 60 ids x 32", t, r =>
            {
                var table = r.Input(1f, 50, 32);
                var ids = Enumerable.Range(0, 60).Select(i => i % 7 == 3 ? -1 : r.NextInt(0, 50)).ToArray();
                var y = r.Output(60, 32);
                r.Backend.Embedding(y, table, ids, 32);
                return y;
            });
            yield return new($"zero_padded {s} 3x17x40", t, r =>
            {
                var x = r.Input(1f, 3, 17, 40);
                r.Backend.ZeroPaddedFrames(x, [17, 5, 0], 3, 17, 40);
                return x;
            });
            yield return new($"depthwise_conv {s} 2x50x32 k7", t, r =>
            {
                var x = r.Input(1f, 2, 50, 32);
                var w = r.Input(0.5f, 32, 7);
                var b = r.Input(0.5f, 32);
                var y = r.Output(2, 50, 32);
                r.Backend.DepthwiseConv1d(y, x, w, b, 2, 50, 32, 7);
                return y;
            });
            yield return Conv(t, 2, 77, 64, 64, 31, 16, Activation.Mish);
            yield return Conv(t, 1, 40, 100, 64, 7, 1, Activation.None);
            yield return new($"layernorm affine {s} 37x512", t, r =>
            {
                var x = r.Input(2f, 37, 512);
                var g = r.Input(1f, 1f, 512);
                var b = r.Input(0.5f, 512);
                var y = r.Output(37, 512);
                r.Backend.LayerNorm(y, x, g, b, 37, 512, 1e-6f);
                return y;
            });
            yield return new($"layernorm plain offset {s} 100x1024", t, r =>
            {
                var x = r.Input(100f, 3f, 100, 1024);
                r.Backend.LayerNorm(x, x, null, null, 100, 1024, 1e-6f);
                return x;
            });
            yield return new($"layernorm_modulate {s} 64x1024", t, r =>
            {
                var x = r.Input(3f, 64, 1024);
                var shift = r.Input(1f, 1024);
                var scale = r.Input(1f, 1024);
                var y = r.Output(64, 1024);
                r.Backend.LayerNormModulate(y, x, shift, scale, 64, 1024, 1e-6f);
                return y;
            });
            yield return new($"grn {s} 2x50x64", t, r =>
            {
                var x = r.Input(1f, 2, 50, 64);
                var g = r.Input(1f, 64);
                var b = r.Input(1f, 64);
                r.Backend.Grn(x, g, b, 2, 50, 64);
                return x;
            });
            yield return Rotary(t, 2, 50, 4, 16, 4);
            yield return Rotary(t, 1, 1500, 2, 64, 1);
            yield return Attention(t, 2, 50, 4, 16);
            yield return Attention(t, 2, 300, 4, 64);
            yield return Attention(t, 1, 77, 2, 128);
            yield return Attention(t, 1, 33, 3, 40);
        }

        // Paths only F32 (the vocoder and the mel) or one precision exercise.
        yield return Conv(F16, 1, 9000, 64, 64, 31, 1, Activation.None);   // two im2col chunks
        yield return Linear(BF16, 50, 96, 80, bias: true, "gelutanh");
        yield return Attention(BF16, 2, 50, 4, 16);
        yield return Attention(BF16, 1, 300, 2, 64);
        yield return Attention(F16, 2, 1326, 2, 64);     // W1's frame count: 20 full key tiles and a partial one
        yield return Attention(F16, 1, 129, 3, 32);

        // M2 kernels: the implicit-GEMM conv (64 channels per group), attention_fa (dh 64: one exact tile,
        // partial tiles and blocks, both block sizes, and v2 kept reachable), layernorm_vec, rotary_pairs
        // and the alpha-vector gated residual, each beside the path it replaces where a switch exists.
        yield return Conv(F16, 2, 200, 256, 256, 31, 4, Activation.Mish);
        yield return Conv(BF16, 1, 37, 128, 128, 31, 2, Activation.Mish);
        yield return Conv(F16, 1, 300, 128, 128, 7, 2, Activation.None);
        yield return Variant("im2col", Conv(F16, 2, 200, 256, 256, 31, 4, Activation.Mish), c => c.UseImplicitGemmConv = false, c => c.UseImplicitGemmConv = true);
        yield return Attention(F16, 1, 64, 1, 64);
        yield return Attention(F16, 2, 129, 3, 64);
        yield return Attention(BF16, 2, 1326, 2, 64);
        // v3 (mma.sync) kept reachable on sm_90, where v4 is the default: every block shape through the switch.
        foreach (var block in new[] { "w8", "w4", "w4m2", "w8s3", "w8b2" })
        {
            yield return Variant($"v3 {block}", Attention(F16, 2, 1326, 2, 64), c => (c.AttentionVersion, c.AttentionBlock) = (3, block), c => (c.AttentionVersion, c.AttentionBlock) = (5, "w8"));
            yield return Variant($"v3 {block}", Attention(BF16, 1, 200, 3, 64), c => (c.AttentionVersion, c.AttentionBlock) = (3, block), c => (c.AttentionVersion, c.AttentionBlock) = (5, "w8"));
        }
        yield return Variant("v2", Attention(F16, 2, 300, 2, 64), c => c.AttentionVersion = 2, c => c.AttentionVersion = 5);

        // M3: attention_wg (wgmma, sm_90 only; elsewhere these rows run v3): every variant at W1's frame count,
        // on partial blocks and tiles, in bf16, with a larger batch; the default on a long sequence.
        foreach (var (wg, _, _, _) in CudaBackend.WgVariants)
        {
            yield return Variant($"wg {wg}", Attention(F16, 2, 1326, 2, 64), c => (c.AttentionVersion, c.AttentionWgVariant) = (4, wg), c => (c.AttentionVersion, c.AttentionWgVariant) = (5, CudaBackend.DefaultWgVariant));
            yield return Variant($"wg {wg}", Attention(F16, 1, 70, 3, 64), c => (c.AttentionVersion, c.AttentionWgVariant) = (4, wg), c => (c.AttentionVersion, c.AttentionWgVariant) = (5, CudaBackend.DefaultWgVariant));
            yield return Variant($"wg {wg}", Attention(BF16, 2, 257, 2, 64), c => (c.AttentionVersion, c.AttentionWgVariant) = (4, wg), c => (c.AttentionVersion, c.AttentionWgVariant) = (5, CudaBackend.DefaultWgVariant));
        }
        // M3 v5: attention_wt (TMA producer warp, mbarriers; sm_90 only, elsewhere these rows run v3).
        foreach (var (wt, _, _, _) in CudaBackend.WtVariants)
        {
            yield return Variant($"wt {wt}", Attention(F16, 2, 1326, 2, 64), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, wt), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, CudaBackend.DefaultWtVariant));
            yield return Variant($"wt {wt}", Attention(F16, 1, 70, 3, 64), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, wt), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, CudaBackend.DefaultWtVariant));
            yield return Variant($"wt {wt}", Attention(BF16, 2, 257, 2, 64), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, wt), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, CudaBackend.DefaultWtVariant));
            yield return Variant($"wt {wt}", Attention(F16, 3, 200, 2, 64), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, wt), c => (c.AttentionVersion, c.AttentionWtVariant) = (5, CudaBackend.DefaultWtVariant));
        }
        yield return Attention(F16, 4, 300, 3, 64);
        yield return Attention(F16, 1, 8192, 1, 64);
        yield return Linear(F16, 45, 128, 64, bias: false, "gated");
        yield return Linear(BF16, 45, 128, 64, bias: true, "gated");
        yield return Linear(F16, 2652 / 13, 1024, 1024, bias: true, "gated");
        foreach (var mode in new[] { "alpha", "scratch" })
            yield return Variant(mode, Linear(F16, 45, 128, 64, bias: true, "gated"), c => c.GatedResidualMode = mode, c => c.GatedResidualMode = "weights");
        yield return Variant("alpha", Linear(BF16, 45, 128, 64, bias: false, "gated"), c => c.GatedResidualMode = "alpha", c => c.GatedResidualMode = "weights");
        yield return new("layernorm_modulate bf16 64x2048", BF16, r =>
        {
            var x = r.Input(3f, 64, 2048);
            var shift = r.Input(1f, 2048);
            var scale = r.Input(1f, 2048);
            var y = r.Output(64, 2048);
            r.Backend.LayerNormModulate(y, x, shift, scale, 64, 2048, 1e-6f);
            return y;
        });
        yield return new("grn f32 2x300x96 (several frame chunks)", F32, r =>
        {
            var x = r.Input(1f, 2, 300, 96);
            var g = r.Input(1f, 96);
            var b = r.Input(1f, 96);
            r.Backend.Grn(x, g, b, 2, 300, 96);
            return x;
        });
        yield return Variant("scalar", Rotary(F16, 2, 50, 4, 16, 4), c => c.UseVectorKernels = false, c => c.UseVectorKernels = true);
        yield return Rotary(BF16, 2, 1326, 16, 64, 16);
        yield return new("logmel f32 24000 samples nfft1024 hop256 100 mels", F32, r =>
        {
            var wave = r.Input(0.5f, 24000);
            var fb = r.Const(MelFilterbank.Htk(513, 0, 12000, 100, 24000), 513, 100);
            var mel = r.Output(24000 / 256 + 1, 100);
            r.Backend.LogMelSpectrogram(mel, wave, fb, 24000, 1024, 256, 100);
            return mel;
        });
        yield return new("istft f32 50 frames nfft1024 hop256", F32, r =>
        {
            var mag = r.Input(1.5f, 50, 513);
            var phase = r.Input(MathF.PI, 50, 513);
            var spec = r.Output(50, 1026);
            for (int f = 0; f < 50; f++)
            {
                r.Backend.Copy(spec.View(f * 1026, 513), mag.View(f * 513, 513), 513);
                r.Backend.Copy(spec.View(f * 1026 + 513, 513), phase.View(f * 513, 513), 513);
            }
            var wave = r.Output(49 * 256);
            r.Backend.IstftFromMagnitudePhase(wave, spec, 50, 1024, 256);
            return wave;
        });
    }

    /// <param name="epilogue">"none", "gelu", "gelutanh", "silu", "add" or "gated" (a gate drawn by the run).</param>
    private static OpCase Linear(DType t, int m, int i, int o, bool bias, string epilogue) =>
        new($"linear {epilogue}{(bias ? "+bias" : "")} {t.ToString().ToLowerInvariant()} {m}x{i}->{o}", t, r =>
        {
            var x = r.Input(1f, m, i);
            var w = r.Input(1f / MathF.Sqrt(i), o, i);
            var b = bias ? r.Input(0.5f, o) : null;
            bool accumulate = epilogue is "add" or "gated";
            var y = accumulate ? r.Input(1f, m, o) : r.Output(m, o);
            var e = epilogue switch
            {
                "none" => Epilogue.None,
                "gelu" => Epilogue.Act(Activation.Gelu),
                "gelutanh" => Epilogue.Act(Activation.GeluTanh),
                "silu" => Epilogue.Act(Activation.Silu),
                "add" => Epilogue.Add,
                "gated" => Epilogue.GatedResidual(r.Input(1f, o)),
                _ => throw new ArgumentOutOfRangeException(nameof(epilogue), epilogue, null),
            };
            r.Backend.Linear(y, x, w, b, m, i, o, e);
            return y;
        });

    private static OpCase Conv(DType t, int b, int n, int ci, int co, int k, int groups, Activation act) =>
        new($"conv1d {t.ToString().ToLowerInvariant()} {b}x{n}x{ci}->{co} k{k} g{groups} {act}", t, r =>
        {
            var x = r.Input(1f, b, n, ci);
            var w = r.Input(1f / MathF.Sqrt(ci / groups * k), co, ci / groups, k);
            var bias = r.Input(0.5f, co);
            var y = r.Output(b, n, co);
            r.Backend.Conv1d(y, x, w, bias, b, n, ci, co, k, groups, act);
            return y;
        });

    /// <summary>The row again with a CUDA backend switch flipped for its run (the CPU side ignores it).</summary>
    private static OpCase Variant(string label, OpCase row, Action<CudaBackend> set, Action<CudaBackend> reset) =>
        new($"{row.Name} {label}", row.Type, r =>
        {
            if (r.Backend is not CudaBackend cuda) return row.Run(r);
            set(cuda);
            try
            {
                return row.Run(r);
            }
            finally
            {
                reset(cuda);
            }
        });

    private static OpCase Rotary(DType t, int b, int n, int h, int dh, int rotaryHeads) =>
        new($"rotary {t.ToString().ToLowerInvariant()} b{b} n{n} h{h} dh{dh} heads{rotaryHeads}", t, r =>
        {
            var qkv = r.Input(1f, b, n, 3, h, dh);
            r.Backend.Rotary(qkv, b, n, h, dh, rotaryHeads);
            return qkv;
        });

    private static OpCase Attention(DType t, int b, int n, int h, int dh) =>
        new($"attention {t.ToString().ToLowerInvariant()} b{b} n{n} h{h} dh{dh}", t, r =>
        {
            var qkv = r.Input(1.5f, b, n, 3, h, dh);
            var y = r.Output(b, n, h * dh);
            r.Backend.Attention(y, qkv, b, n, h, dh);
            return y;
        });
}
