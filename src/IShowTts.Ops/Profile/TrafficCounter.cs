// Wraps a backend and adds up, per op, the bytes each call must at least move: every input read once
// and every output written once, from the op's sizes and element types (caches and re-reads ignored,
// so achieved bytes/s is a lower bound of the real traffic). Op names match ProfilingBackend's, so the
// two tables join. It also notes the element type each op writes, so its FLOP/s is compared with the
// GEMM ceiling of that type. Keep this list in step with IBackend: a new op is one more line here.
using IShowTts.Engine.Tensors;

namespace IShowTts.Ops.Profile;

public sealed class TrafficCounter(IBackend inner) : IBackend
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    /// <summary>What <see cref="Types"/> says of an op whose calls wrote more than one element type.</summary>
    public const string Mixed = "mixed";

    public IBackend Inner => inner;

    public IReadOnlyDictionary<string, long> Bytes => _bytes;

    /// <summary>Per op, the element type it computes in (its weights' for linear and convolutions, else its output's), or <see cref="Mixed"/>.</summary>
    public IReadOnlyDictionary<string, string> Types => _types;

    public void Reset()
    {
        _bytes.Clear();
        _types.Clear();
    }

    public DeviceInfo Device => inner.Device;
    public DType ComputeType => inner.ComputeType;
    public DType WeightType => inner.WeightType;

    public TensorStorage AllocateStorage(DType dtype, long count) => inner.AllocateStorage(dtype, count);
    public void Upload(Tensor dst, ReadOnlySpan<float> src) => inner.Upload(dst, src);
    public void Download(Tensor src, Span<float> dst) => inner.Download(src, dst);
    public void Synchronize() => inner.Synchronize();
    public void Dispose() => inner.Dispose();
    public IBackendGraph? Capture(Action work) => inner.Capture(work);

    public void Copy(Tensor dst, Tensor src, long count)
    {
        Count("copy", B(src, count) + B(dst, count), dst);
        inner.Copy(dst, src, count);
    }

    public void Fill(Tensor dst, float value, long count)
    {
        Count("fill", B(dst, count), dst);
        inner.Fill(dst, value, count);
    }

    public void Add(Tensor y, Tensor a, Tensor b, long count)
    {
        Count("add", B(a, count) + B(b, count) + B(y, count), y);
        inner.Add(y, a, b, count);
    }

    public void Activate(Tensor y, Tensor x, long count, Activation act)
    {
        Count("activate", B(x, count) + B(y, count), y);
        inner.Activate(y, x, count, act);
    }

    public void ZeroPaddedFrames(Tensor x, ReadOnlySpan<int> validLengths, int b, int n, int c)
    {
        Count("zero_padded", B(x, (long)b * n * c), x);
        inner.ZeroPaddedFrames(x, validLengths, b, n, c);
    }

    public void GatedAdd(Tensor x, Tensor a, Tensor gate, int rows, int c)
    {
        Count("gated_add", 2 * B(x, (long)rows * c) + B(a, (long)rows * c) + B(gate, gate.Count), x);
        inner.GatedAdd(x, a, gate, rows, c);
    }

    public void Linear(Tensor y, Tensor x, Tensor w, Tensor? bias, int m, int i, int o, Epilogue epilogue)
    {
        Count("linear", B(x, (long)m * i) + B(w, (long)o * i) + B(y, (long)m * o) + (bias is null ? 0 : B(bias, o)), w);
        inner.Linear(y, x, w, bias, m, i, o, epilogue);
    }

    public void Embedding(Tensor y, Tensor table, ReadOnlySpan<int> ids, int c)
    {
        Count("embedding", B(table, (long)ids.Length * c) + B(y, (long)ids.Length * c) + 4L * ids.Length, y);
        inner.Embedding(y, table, ids, c);
    }

    public void DepthwiseConv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int c, int k)
    {
        Count("depthwise_conv1d", B(x, (long)b * n * c) + B(y, (long)b * n * c) + B(w, (long)c * k) + B(bias, c), w);
        inner.DepthwiseConv1d(y, x, w, bias, b, n, c, k);
    }

    public void Conv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int ci, int co, int k, int groups, Activation act)
    {
        Count("conv1d", B(x, (long)b * n * ci) + B(y, (long)b * n * co) + B(w, (long)co * (ci / groups) * k) + B(bias, co), w);
        inner.Conv1d(y, x, w, bias, b, n, ci, co, k, groups, act);
    }

    public void LayerNorm(Tensor y, Tensor x, Tensor? gamma, Tensor? beta, int rows, int c, float eps)
    {
        Count("layer_norm", B(x, (long)rows * c) + B(y, (long)rows * c) + (gamma is null ? 0 : B(gamma, c)) + (beta is null ? 0 : B(beta, c)), y);
        inner.LayerNorm(y, x, gamma, beta, rows, c, eps);
    }

    public void LayerNormModulate(Tensor y, Tensor x, Tensor shift, Tensor scale, int rows, int c, float eps)
    {
        Count("layer_norm_modulate", B(x, (long)rows * c) + B(y, (long)rows * c) + B(shift, shift.Count) + B(scale, scale.Count), y);
        inner.LayerNormModulate(y, x, shift, scale, rows, c, eps);
    }

    public void Grn(Tensor x, Tensor gamma, Tensor beta, int b, int n, int c)
    {
        Count("grn", 2 * B(x, (long)b * n * c) + B(gamma, c) + B(beta, c), x);
        inner.Grn(x, gamma, beta, b, n, c);
    }

    public void Rotary(Tensor qkv, int b, int n, int h, int dh, int rotaryHeads)
    {
        // q and k are read and written in place; v is not touched.
        Count("rotary", 4 * B(qkv, (long)b * n * h * dh), qkv);
        inner.Rotary(qkv, b, n, h, dh, rotaryHeads);
    }

    public void Attention(Tensor y, Tensor qkv, int b, int n, int h, int dh)
    {
        Count("attention", B(qkv, 3L * b * n * h * dh) + B(y, (long)b * n * h * dh), y);
        inner.Attention(y, qkv, b, n, h, dh);
    }

    public void EulerCfgStep(Tensor y, Tensor v, long count, float dt, float cfgStrength, bool packed)
    {
        Count("euler_cfg", 2 * B(y, count) + B(v, packed ? 2 * count : count), y);
        inner.EulerCfgStep(y, v, count, dt, cfgStrength, packed);
    }

    public void LogMelSpectrogram(Tensor mel, Tensor wave, Tensor filterbank, int samples, int nfft, int hop, int nMels)
    {
        Count("log_mel", B(wave, samples) + B(mel, mel.Count) + B(filterbank, filterbank.Count), mel);
        inner.LogMelSpectrogram(mel, wave, filterbank, samples, nfft, hop, nMels);
    }

    public void IstftFromMagnitudePhase(Tensor wave, Tensor spec, int n, int nfft, int hop)
    {
        Count("istft", B(spec, spec.Count) + B(wave, wave.Count), wave);
        inner.IstftFromMagnitudePhase(wave, spec, n, nfft, hop);
    }

    private static long B(Tensor t, long elements) => elements * t.DType.SizeInBytes();

    private void Count(string op, long bytes, Tensor output)
    {
        _bytes[op] = _bytes.GetValueOrDefault(op) + bytes;
        var type = output.DType.ToString();
        _types[op] = _types.TryGetValue(op, out var seen) && seen != type ? Mixed : type;
    }
}
