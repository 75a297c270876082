// Wraps a backend and, while Enabled, times every op (synchronising a GPU backend around each, so
// times are exact but the pipeline is serialised) and counts the floating-point work of the matrix
// ops. Used by the bench (GEMM rate of the model's linear layers) and `ishowtts profile`.
using System.Diagnostics;

namespace IShowTts.Engine.Tensors;

public sealed class ProfilingBackend(IBackend inner) : IBackend
{
    private readonly Dictionary<string, OpStats> _stats = new(StringComparer.Ordinal);

    public IBackend Inner => inner;

    /// <summary>Off by default: ops then cost one flag check.</summary>
    public bool Enabled { get; set; }

    public IReadOnlyDictionary<string, OpStats> Stats => _stats;

    /// <summary>Calls per linear-layer shape (m, i, o) while Enabled.</summary>
    public Dictionary<(int M, int I, int O), int> LinearShapes { get; } = [];

    public void Reset()
    {
        _stats.Clear();
        LinearShapes.Clear();
    }

    public DeviceInfo Device => inner.Device;
    public DType ComputeType => inner.ComputeType;
    public DType WeightType => inner.WeightType;

    public TensorStorage AllocateStorage(DType dtype, long count) => inner.AllocateStorage(dtype, count);
    public void Upload(Tensor dst, ReadOnlySpan<float> src) => inner.Upload(dst, src);
    public void Download(Tensor src, Span<float> dst) => inner.Download(src, dst);
    public void Synchronize() => inner.Synchronize();
    public void Dispose() => inner.Dispose();

    /// <summary>While profiling, ops run eagerly so each can be timed.</summary>
    public IBackendGraph? Capture(Action work) => Enabled ? null : inner.Capture(work);

    public void Copy(Tensor dst, Tensor src, long count) => Time("copy", 0, () => inner.Copy(dst, src, count));
    public void Fill(Tensor dst, float value, long count) => Time("fill", 0, () => inner.Fill(dst, value, count));
    public void Add(Tensor y, Tensor a, Tensor b, long count) => Time("add", count, () => inner.Add(y, a, b, count));
    public void Activate(Tensor y, Tensor x, long count, Activation act) => Time("activate", count, () => inner.Activate(y, x, count, act));

    public void ZeroPaddedFrames(Tensor x, ReadOnlySpan<int> validLengths, int b, int n, int c)
    {
        var lens = validLengths.ToArray();
        Time("zero_padded", 0, () => inner.ZeroPaddedFrames(x, lens, b, n, c));
    }

    public void GatedAdd(Tensor x, Tensor a, Tensor gate, int rows, int c) => Time("gated_add", 2L * rows * c, () => inner.GatedAdd(x, a, gate, rows, c));

    public void Linear(Tensor y, Tensor x, Tensor w, Tensor? bias, int m, int i, int o, Epilogue epilogue)
    {
        if (Enabled) LinearShapes[(m, i, o)] = LinearShapes.GetValueOrDefault((m, i, o)) + 1;
        Time("linear", 2L * m * i * o, () => inner.Linear(y, x, w, bias, m, i, o, epilogue));
    }

    public void Embedding(Tensor y, Tensor table, ReadOnlySpan<int> ids, int c)
    {
        var copy = ids.ToArray();
        Time("embedding", 0, () => inner.Embedding(y, table, copy, c));
    }

    public void DepthwiseConv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int c, int k) =>
        Time("depthwise_conv1d", 2L * b * n * c * k, () => inner.DepthwiseConv1d(y, x, w, bias, b, n, c, k));

    public void Conv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int ci, int co, int k, int groups, Activation act) =>
        Time("conv1d", 2L * b * n * co * (ci / groups) * k, () => inner.Conv1d(y, x, w, bias, b, n, ci, co, k, groups, act));

    public void LayerNorm(Tensor y, Tensor x, Tensor? gamma, Tensor? beta, int rows, int c, float eps) =>
        Time("layer_norm", 0, () => inner.LayerNorm(y, x, gamma, beta, rows, c, eps));

    public void LayerNormModulate(Tensor y, Tensor x, Tensor shift, Tensor scale, int rows, int c, float eps) =>
        Time("layer_norm_modulate", 0, () => inner.LayerNormModulate(y, x, shift, scale, rows, c, eps));

    public void Grn(Tensor x, Tensor gamma, Tensor beta, int b, int n, int c) => Time("grn", 0, () => inner.Grn(x, gamma, beta, b, n, c));

    public void Rotary(Tensor qkv, int b, int n, int h, int dh, int rotaryHeads) =>
        Time("rotary", 0, () => inner.Rotary(qkv, b, n, h, dh, rotaryHeads));

    public void Attention(Tensor y, Tensor qkv, int b, int n, int h, int dh) =>
        Time("attention", 4L * b * h * n * n * dh, () => inner.Attention(y, qkv, b, n, h, dh));

    public void EulerCfgStep(Tensor y, Tensor v, long count, float dt, float cfgStrength, bool packed) =>
        Time("euler_cfg", 0, () => inner.EulerCfgStep(y, v, count, dt, cfgStrength, packed));

    public void LogMelSpectrogram(Tensor mel, Tensor wave, Tensor filterbank, int samples, int nfft, int hop, int nMels) =>
        Time("log_mel", 0, () => inner.LogMelSpectrogram(mel, wave, filterbank, samples, nfft, hop, nMels));

    public void IstftFromMagnitudePhase(Tensor wave, Tensor spec, int n, int nfft, int hop) =>
        Time("istft", 0, () => inner.IstftFromMagnitudePhase(wave, spec, n, nfft, hop));

    private void Time(string op, long flops, Action run)
    {
        if (!Enabled)
        {
            run();
            return;
        }
        inner.Synchronize();
        long start = Stopwatch.GetTimestamp();
        run();
        inner.Synchronize();
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (!_stats.TryGetValue(op, out var s)) _stats[op] = s = new OpStats();
        s.Calls++;
        s.Time += elapsed;
        s.Flops += flops;
    }
}

public sealed class OpStats
{
    public long Calls { get; set; }
    public TimeSpan Time { get; set; }
    public long Flops { get; set; }
    public double FlopsPerSecond => Time.TotalSeconds > 0 ? Flops / Time.TotalSeconds : 0;
}
