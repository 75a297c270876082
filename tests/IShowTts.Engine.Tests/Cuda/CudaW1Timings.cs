// Timings on the GPU machine (Category GpuBench, not a pass/fail test of speed): every op at the shapes
// of workload W1 (shared/docs/gpu.md: CFG batch 2 × 1326 frames, d 1024, 16 × 64 heads, ff 2048; Vocos
// 389 frames) with CUDA events around 10 back-to-back calls, median of 20 (the paths M2 replaced beside the
// new ones; the GEMM tuner's choices), and the whole W1
// request at NFE 7 with random weights
// (reference mel → DiT sampling → Vocos → host) at NFE 7 and 32, median of 3 after a warm-up, with peak
// engine memory.
using System.Diagnostics;
using IShowTts.Engine.Backends.Cuda;
using IShowTts.Engine.F5;
using IShowTts.Engine.Sampling;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Vocoder;

namespace IShowTts.Engine.Tests.Cuda;

[Trait("Category", "GpuBench")]
public sealed class CudaW1Timings(CudaBackendFixture fixture) : IClassFixture<CudaBackendFixture>
{
    private const int N = 1326, B = 2, Rows = B * N, D = 1024, H = 16, Dh = 64, Ff = 2048;

    [Fact]
    public void OpsAtW1Shapes()
    {
        var cuda = fixture.Require();
        var lines = new List<string> { $"device: {cuda.Device.Name}; {cuda.Device.Details}" };
        using var run = new OpRun(cuda, DType.F16, 1);
        var x = run.Input(1f, Rows, D);
        var u = run.Input(1f, Rows, D);
        var qkv = run.Input(1f, Rows, 3 * D);
        var attn = run.Input(1f, Rows, D);
        var hidden = run.Input(1f, Rows, Ff);
        var mod = run.Input(0.2f, 6 * D);
        var wqkv = run.Input(0.03f, 3 * D, D);
        var bqkv = run.Input(0.03f, 3 * D);
        var wo = run.Input(0.03f, D, D);
        var bo = run.Input(0.03f, D);
        var w1 = run.Input(0.03f, Ff, D);
        var b1 = run.Input(0.03f, Ff);
        var w2 = run.Input(0.03f, D, Ff);
        var b2 = run.Input(0.03f, D);
        var convW = run.Input(0.03f, D, D / 16, 31);
        var convB = run.Input(0.03f, D);
        var v = run.Input(1f, Rows, 100);
        var y = run.Input(1f, N, 100);
        double layer = 0;
        void Time(string name, double flops, Action op, bool perLayer = false)
        {
            op();
            // 10 calls between the events: the host's launch work overlaps the GPU's, as inside a graph.
            var samples = Enumerable.Range(0, 20).Select(_ => cuda.MeasureMilliseconds(() =>
            {
                for (int r = 0; r < 10; r++) op();
            }) / 10).Order().ToArray();
            double ms = samples[samples.Length / 2];
            if (perLayer) layer += ms;
            lines.Add($"{name,-46} {ms * 1000,9:F1} µs{(flops > 0 ? $"  {flops / (ms * 1e-3) / 1e12,7:F1} TFLOP/s" : "")}");
        }

        Time("layernorm_modulate 2652x1024", 0, () => cuda.LayerNormModulate(u, x, mod.View(0, D), mod.View(D, D), Rows, D, 1e-6f), true);
        Time("linear qkv 2652x1024->3072 +bias", 2.0 * Rows * D * 3 * D, () => cuda.Linear(qkv, u, wqkv, bqkv, Rows, D, 3 * D, Epilogue.None), true);
        Time("rotary 2x1326 16x64", 0, () => cuda.Rotary(qkv, B, N, H, Dh, H), true);
        cuda.ForceSimpleAttention = true;
        Time("attention (2,16,1326,64) attention_simple", 4.0 * B * H * N * (double)N * Dh, () => cuda.Attention(attn, qkv, B, N, H, Dh));
        cuda.ForceSimpleAttention = false;
        Time("attention (2,16,1326,64) tensor cores", 4.0 * B * H * N * (double)N * Dh, () => cuda.Attention(attn, qkv, B, N, H, Dh), true);
        Time("linear out 1024->1024 gated residual", 2.0 * Rows * D * D, () => cuda.Linear(x, attn, wo, bo, Rows, D, D, Epilogue.GatedResidual(mod.View(2 * D, D))), true);
        Time("layernorm_modulate (ff)", 0, () => cuda.LayerNormModulate(u, x, mod.View(3 * D, D), mod.View(4 * D, D), Rows, D, 1e-6f), true);
        Time("linear ff1 1024->2048 GELU-tanh", 2.0 * Rows * D * Ff, () => cuda.Linear(hidden, u, w1, b1, Rows, D, Ff, Epilogue.Act(Activation.GeluTanh)), true);
        Time("linear ff2 2048->1024 gated residual", 2.0 * Rows * Ff * D, () => cuda.Linear(x, hidden, w2, b2, Rows, Ff, D, Epilogue.GatedResidual(mod.View(5 * D, D))), true);
        lines.Add($"{"= one DiT layer",-46} {layer * 1000,9:F1} µs  (x22 = {layer * 22:F2} ms a step)");
        Time("conv_pos conv1d 2x1326x1024 k31 g16 Mish", 2.0 * Rows * D * (D / 16) * 31, () => cuda.Conv1d(attn, x, convW, convB, B, N, D, D, 31, 16, Activation.Mish));
        // The paths M2 replaced, for the before/after figures.
        Time("conv_pos conv1d, v1 im2col + GEMM (old)", 2.0 * Rows * D * (D / 16) * 31, () => WithFlag(() => cuda.UseImplicitGemmConv = false, () => cuda.UseImplicitGemmConv = true,
            () => cuda.Conv1d(attn, x, convW, convB, B, N, D, D, 31, 16, Activation.Mish)));
        Time("layernorm_modulate, v1 scalar (old)", 0, () => WithFlag(() => cuda.UseVectorKernels = false, () => cuda.UseVectorKernels = true,
            () => cuda.LayerNormModulate(u, x, mod.View(0, D), mod.View(D, D), Rows, D, 1e-6f)));
        Time("rotary, v3 scalar (old)", 0, () => WithFlag(() => cuda.UseVectorKernels = false, () => cuda.UseVectorKernels = true,
            () => cuda.Rotary(qkv, B, N, H, Dh, H)));
        Time("attention, v2 attention_mma (old)", 4.0 * B * H * N * (double)N * Dh, () => WithFlag(() => cuda.AttentionVersion = 2, () => cuda.AttentionVersion = 5,
            () => cuda.Attention(attn, qkv, B, N, H, Dh)));
        foreach (var block in new[] { "w8", "w4", "w4m2", "w8s3", "w8b2" })
            Time($"attention, v3 block {block}", 4.0 * B * H * N * (double)N * Dh, () => WithFlag(() => (cuda.AttentionVersion, cuda.AttentionBlock) = (3, block),
                () => (cuda.AttentionVersion, cuda.AttentionBlock) = (5, "w8"), () => cuda.Attention(attn, qkv, B, N, H, Dh)));
        if (cuda.HasWgmmaAttention)
        {
            foreach (var (wg, _, _, _) in CudaBackend.WgVariants)
            {
                var (regs, local) = cuda.KernelResources($"attention_wg_f16_{wg}");
                var (regsBf, localBf) = cuda.KernelResources($"attention_wg_bf16_{wg.TrimEnd('h')}");
                Time($"attention, v4 wgmma {wg} ({regs} regs, {local} B local; bf16 {regsBf}, {localBf})", 4.0 * B * H * N * (double)N * Dh, () => WithFlag(() => (cuda.AttentionVersion, cuda.AttentionWgVariant) = (4, wg),
                    () => (cuda.AttentionVersion, cuda.AttentionWgVariant) = (5, CudaBackend.DefaultWgVariant), () => cuda.Attention(attn, qkv, B, N, H, Dh)));
            }
            foreach (var (wt, _, _, _) in CudaBackend.WtVariants)
            {
                var (regs, local) = cuda.KernelResources($"attention_wt_f16_{wt}");
                Time($"attention, v5 TMA {wt} ({regs} regs, {local} B local)", 4.0 * B * H * N * (double)N * Dh, () => WithFlag(() => (cuda.AttentionVersion, cuda.AttentionWtVariant) = (5, wt),
                    () => (cuda.AttentionVersion, cuda.AttentionWtVariant) = (5, CudaBackend.DefaultWtVariant), () => cuda.Attention(attn, qkv, B, N, H, Dh)));
            }
            // Where the default's time goes: the same kernel without a part (wrong results, timing only).
            foreach (var (diag, _, _, _) in CudaBackend.WgDiagnostics)
                Time($"attention, v4 diagnostic {diag}", 4.0 * B * H * N * (double)N * Dh, () => WithFlag(() => (cuda.AttentionVersion, cuda.AttentionWgVariant) = (4, diag),
                    () => (cuda.AttentionVersion, cuda.AttentionWgVariant) = (5, CudaBackend.DefaultWgVariant), () => cuda.Attention(attn, qkv, B, N, H, Dh)));
            // Larger batches and sequences (CFG batches of several requests; long texts).
            foreach (var (bb, nn) in new[] { (8, 1326), (2, 4096), (1, 8192) })
            {
                using var big = new OpRun(cuda, DType.F16, 5);
                var q2 = big.Input(1f, bb * nn, 3 * D);
                var y2 = big.Input(1f, bb * nn, D);
                Time($"attention ({bb},16,{nn},64) default (v5)", 4.0 * bb * H * nn * (double)nn * Dh, () => cuda.Attention(y2, q2, bb, nn, H, Dh));
                Time($"attention ({bb},16,{nn},64) v3 w8", 4.0 * bb * H * nn * (double)nn * Dh, () => WithFlag(() => cuda.AttentionVersion = 3,
                    () => cuda.AttentionVersion = 5, () => cuda.Attention(y2, q2, bb, nn, H, Dh)));
            }
        }
        foreach (var (mode, label) in new[] { ("scratch", "float scratch + pass (old)"), ("alpha", "cuBLASLt alpha vector") })
        {
            Time($"linear out gated, {label}", 2.0 * Rows * D * D, () => WithFlag(() => cuda.GatedResidualMode = mode, () => cuda.GatedResidualMode = "weights",
                () => cuda.Linear(x, attn, wo, bo, Rows, D, D, Epilogue.GatedResidual(mod.View(2 * D, D)))));
            Time($"linear ff2 gated, {label}", 2.0 * Rows * Ff * D, () => WithFlag(() => cuda.GatedResidualMode = mode, () => cuda.GatedResidualMode = "weights",
                () => cuda.Linear(x, hidden, w2, b2, Rows, Ff, D, Epilogue.GatedResidual(mod.View(5 * D, D)))));
        }
        Time("linear out 1024->1024 +bias, no gate (GEMM floor)", 2.0 * Rows * D * D, () => cuda.Linear(u, attn, wo, bo, Rows, D, D, Epilogue.None));
        Time("linear ff2 2048->1024 +bias, no gate (GEMM floor)", 2.0 * Rows * Ff * D, () => cuda.Linear(u, hidden, w2, b2, Rows, Ff, D, Epilogue.None));
        Time("euler_cfg_step 1326x100", 0, () => cuda.EulerCfgStep(y, v, (long)N * 100, 0.1f, 2f, true));
        Time("copy 2652x1024 f16 (device to device)", 0, () => cuda.Copy(u, x, (long)Rows * D));
        foreach (var (shape, first, chosen) in cuda.GemmTuning)
            lines.Add($"gemm tuned {shape.Rows}x{shape.K}->{shape.Cols} (batch {shape.Batch}, epilogue {shape.Epilogue}, pointer mode {shape.PointerMode}): heuristic first {first:F1} µs, chosen {chosen:F1} µs");
        Report(lines);
    }

    [Fact]
    public void WholeW1Request()
    {
        var cuda = fixture.Require();
        var lines = new List<string> { $"device: {cuda.Device.Name}" };
        cuda.ResetPeakMemory();
        long start = cuda.AllocatedBytes;
        using var dit = new DiT(cuda, F5Checkpoint.Random(F5Config.V1Base, cuda, 1));
        var sampler = new FlowSampler(cuda, dit);
        using var vocos = new Vocos(cuda, VocosWeights.Random(VocosConfig.MelBase24k, cuda, 2));
        using var melSpec = new MelSpectrogram(cuda);
        long weights = cuda.AllocatedBytes - start;
        var random = new Random(3);
        var wave = Enumerable.Range(0, 240_000).Select(_ => 0.1f * (2f * random.NextSingle() - 1f)).ToArray();
        var ids = Enumerable.Range(0, 269).Select(_ => random.Next(1, 2545)).ToArray();

        double melMs = 0, sampleMs = 0, vocoderMs = 0;
        float[] Request(int nfe)
        {
            var clock = Stopwatch.StartNew();
            var cond = melSpec.Compute(wave);                 // (938, 100)
            melMs = clock.Elapsed.TotalMilliseconds;
            int refFrames = wave.Length / 256;                // 937, as the official ref_len
            var request = new SampleRequest([cond], [refFrames], [ids], [1326], Nfe: nfe, Seed: 4);
            var mel = sampler.Sample(request, out int frames);
            sampleMs = clock.Elapsed.TotalMilliseconds - melMs;
            var result = vocos.Decode(mel.AsSpan(refFrames * 100, (frames - refFrames) * 100), frames - refFrames);
            vocoderMs = clock.Elapsed.TotalMilliseconds - melMs - sampleMs;
            return result;
        }

        var warm = Stopwatch.StartNew();
        var audio = Request(7);
        lines.Add($"first request (plans, workspaces): {warm.Elapsed.TotalMilliseconds:F1} ms, {audio.Length} samples");
        Assert.DoesNotContain(audio, float.IsNaN);
        foreach (var nfe in new[] { 1, 7, 32 })
        {
            var times = new List<double>();
            var phases = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                Request(nfe);
                times.Add(clock.Elapsed.TotalMilliseconds);
                phases.Add($"{melMs:F1}/{sampleMs:F1}/{vocoderMs:F1} ({sampler.LastMode})");
            }
            var order = Enumerable.Range(0, 3).OrderBy(i => times[i]).ToArray();
            lines.Add($"W1 NFE {nfe} end to end (mel + {nfe} CFG steps + Vocos + copy): median {times[order[1]]:F1} ms " +
                $"(min {times[order[0]]:F1}, max {times[order[2]]:F1}), RTF {times[order[1]] / 1000 / (audio.Length / 24000.0):F3}; " +
                $"mel/sampling/vocoder of the median run: {phases[order[1]]} ms");
        }
        // Where the per-request (NFE-independent) time goes: the parts of DiT.Prepare, wall clock with a
        // synchronise, median of 5 (host work such as the text sinusoid table counts here).
        var state = dit.State;
        var w = dit.Weights;
        int[][] idLists = [ids];
        int[] seqLens = [1326];
        using var condT = new OwnedTensor(cuda, 1, 1326, 100);
        var times7 = new float[7];
        state.Prepare(cuda, w.Config, 1, 1326, 7, 2);
        double Wall(Action a)
        {
            a();
            cuda.Synchronize();
            var s = new List<double>();
            for (int i = 0; i < 5; i++)
            {
                var c = Stopwatch.StartNew();
                a();
                cuda.Synchronize();
                s.Add(c.Elapsed.TotalMilliseconds);
            }
            s.Sort();
            return s[2];
        }
        lines.Add($"prepare parts (ms): text embedding one CFG half {Wall(() => TextEmbedding.Forward(cuda, state.TextCond, state.TextTmp, state.TextHidden, state.TextSinusoids, w, idLists, seqLens, false, 1326)):F2}, " +
            $"input embedding prepare {Wall(() => InputEmbedding.Prepare(cuda, state.PreCond, state.PreUncond, state.TextCond, state.TextUncond, condT.T, w, 1326)):F2}, " +
            $"time conditioning (7 steps) {Wall(() => TimeConditioning.Forward(cuda, state.Mod, state.FinalMod, state.TimeSilu, state.TimeSinus, w, times7)):F2}, " +
            $"grn 1x1326x1024 {Wall(() => cuda.Grn(state.TextHidden, w.TextBlocks[0].GrnGamma, w.TextBlocks[0].GrnBeta, 1, 1326, 1024)):F2}, " +
            $"upload 1326x512 floats {Wall(() => cuda.Upload(state.TextTmp, new float[1326 * 512])):F2}, " +
            $"host noise 1326x100 {Wall(() => GaussianNoise.Fill(new float[1326 * 100], 4)):F2}, " +
            $"download 2x1326x100 {Wall(() => cuda.Download(state.V.View(0, 2 * 1326 * 100), new float[2 * 1326 * 100])):F2}, " +
            $"whole DiT.Prepare {Wall(() => dit.Prepare(idLists, condT.T, null, 1326, times7, true)):F2}");
        lines.Add($"engine memory: weights {weights / 1048576.0:F0} MiB, peak held {cuda.PeakAllocatedBytes / 1048576.0:F0} MiB, peak reserved {cuda.PeakReservedBytes / 1048576.0:F0} MiB");
        Report(lines);
    }

    private static void WithFlag(Action set, Action reset, Action op)
    {
        set();
        try
        {
            op();
        }
        finally
        {
            reset();
        }
    }

    private static void Report(List<string> lines)
    {
        var text = string.Join(Environment.NewLine, lines);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        var report = Environment.GetEnvironmentVariable("ISHOWTTS_GPU_REPORT");
        if (!string.IsNullOrEmpty(report)) File.AppendAllText(report, text + Environment.NewLine);
    }
}
