// The op set the F5-TTS model and the Vocos vocoder are written against. The model never knows which
// backend runs it: CPU (float32 reference, Backends/Cpu) or CUDA (fp16/bf16, Backends/Cuda).
// Conventions (llm.c): outputs first, then inputs, then weights, then sizes; every tensor is
// row-major and channels-last, its shape written beside it with the letters of f5tts-inference.md
// (b batch, n frames, d width, D mel channels, h heads, dh head size, c channels, k kernel).
// Ops are asynchronous on a GPU backend; Download and Synchronize wait.
namespace IShowTts.Engine.Tensors;

public interface IBackend : IDisposable
{
    DeviceInfo Device { get; }

    /// <summary>Element type activations are stored in (F32 on the CPU, F16 or BF16 on CUDA).</summary>
    DType ComputeType { get; }

    /// <summary>Element type weights are stored in.</summary>
    DType WeightType { get; }

    /// <summary>A new storage of <paramref name="count"/> elements of <paramref name="dtype"/>, owned by the caller.</summary>
    TensorStorage AllocateStorage(DType dtype, long count);

    /// <summary>Copies float32 host data into a tensor, converting to its element type.</summary>
    void Upload(Tensor dst, ReadOnlySpan<float> src);

    /// <summary>Copies a tensor to float32 host memory; waits for pending work.</summary>
    void Download(Tensor src, Span<float> dst);

    /// <summary>Waits until every op issued so far has finished.</summary>
    void Synchronize();

    // ---- data movement and elementwise ----

    /// <summary>dst[i] = src[i] for i &lt; count.</summary>
    void Copy(Tensor dst, Tensor src, long count);

    /// <summary>dst[i] = value for i &lt; count.</summary>
    void Fill(Tensor dst, float value, long count);

    /// <summary>y[i] = a[i] + b[i] for i &lt; count (y may alias a or b).</summary>
    void Add(Tensor y, Tensor a, Tensor b, long count);

    /// <summary>y[i] = act(x[i]) for i &lt; count (y may alias x).</summary>
    void Activate(Tensor y, Tensor x, long count, Activation act);

    /// <summary>Zeroes frames t ≥ validLengths[item] of each item: x (b, n, c).</summary>
    void ZeroPaddedFrames(Tensor x, ReadOnlySpan<int> validLengths, int b, int n, int c);

    /// <summary>x (rows, c) += gate (c) ⊙ a (rows, c).</summary>
    void GatedAdd(Tensor x, Tensor a, Tensor gate, int rows, int c);

    // ---- layers ----

    /// <summary>y (m, o) = epilogue(x (m, i) · w (o, i)ᵀ + bias (o)).</summary>
    void Linear(Tensor y, Tensor x, Tensor w, Tensor? bias, int m, int i, int o, Epilogue epilogue);

    /// <summary>y (rows, c) = table (vocab, c)[ids[r]]; ids &lt; 0 give a zero row.</summary>
    void Embedding(Tensor y, Tensor table, ReadOnlySpan<int> ids, int c);

    /// <summary>Depthwise conv over time with zero padding k/2: y (b, n, c) from x (b, n, c), w (c, k), bias (c).</summary>
    void DepthwiseConv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int c, int k);

    /// <summary>
    /// Grouped conv over time with zero padding k/2, then act: y (b, n, co) from x (b, n, ci),
    /// w (co, ci/groups, k) as PyTorch stores it, bias (co).
    /// </summary>
    void Conv1d(Tensor y, Tensor x, Tensor w, Tensor bias, int b, int n, int ci, int co, int k, int groups, Activation act);

    /// <summary>y (rows, c) = LayerNorm over c (biased variance), times gamma (c) plus beta (c) when given.</summary>
    void LayerNorm(Tensor y, Tensor x, Tensor? gamma, Tensor? beta, int rows, int c, float eps);

    /// <summary>y (rows, c) = LayerNorm(x) · (1 + scale (c)) + shift (c), no affine: the DiT's adaptive norm.</summary>
    void LayerNormModulate(Tensor y, Tensor x, Tensor shift, Tensor scale, int rows, int c, float eps);

    /// <summary>
    /// Global response norm in place on x (b, n, c): G = ‖x‖₂ over n per (item, channel),
    /// N = G / (mean_c G + 1e-6), x = gamma (c) · (x · N) + beta (c) + x.
    /// </summary>
    void Grn(Tensor x, Tensor gamma, Tensor beta, int b, int n, int c);

    /// <summary>
    /// Interleaved rotary embedding in place on the q and k parts of qkv (b, n, 3, h, dh) for heads
    /// &lt; rotaryHeads, positions 0…n−1, inv_freq_j = 10000^(−2j/dh).
    /// </summary>
    void Rotary(Tensor qkv, int b, int n, int h, int dh, int rotaryHeads);

    /// <summary>y (b, n, h·dh) = softmax(q·kᵀ/√dh)·v per head, unmasked, from qkv (b, n, 3, h, dh).</summary>
    void Attention(Tensor y, Tensor qkv, int b, int n, int h, int dh);

    // ---- sampling ----

    /// <summary>
    /// One Euler step with classifier-free guidance, on y (count): v holds the conditional velocity
    /// in its first count elements and, when packed, the unconditional one in the next count:
    /// y += dt · (v_c + (v_c − v_u) · cfg), or y += dt · v_c when not packed.
    /// </summary>
    void EulerCfgStep(Tensor y, Tensor v, long count, float dt, float cfgStrength, bool packed);

    // ---- graphs ----

    /// <summary>
    /// Records the device work <paramref name="work"/> issues into a graph that Launch replays with the
    /// same buffers and parameters and no host work in between (a CUDA graph); null when the backend
    /// runs ops eagerly (the CPU). The work must not upload, download, allocate or synchronise, and it
    /// is not executed by the capture.
    /// </summary>
    IBackendGraph? Capture(Action work);

    // ---- audio features ----

    /// <summary>
    /// Log-mel spectrogram (torchaudio MelSpectrogram, power 1, center with reflect padding, periodic
    /// Hann): mel (frames, nMels) = log(max(fbᵀ·|STFT(wave)|, 1e-5)), frames = samples/hop + 1,
    /// from wave (samples) and filterbank (nfft/2+1, nMels).
    /// </summary>
    void LogMelSpectrogram(Tensor mel, Tensor wave, Tensor filterbank, int samples, int nfft, int hop, int nMels);

    /// <summary>
    /// Vocos ISTFT head: spec (n, nfft+2) holds magnitude logits then phases per frame;
    /// S = min(exp(mag), 100)·e^{i·phase}; wave ((n−1)·hop) = torch.istft(S, center=True, periodic Hann).
    /// </summary>
    void IstftFromMagnitudePhase(Tensor wave, Tensor spec, int n, int nfft, int hop);
}
