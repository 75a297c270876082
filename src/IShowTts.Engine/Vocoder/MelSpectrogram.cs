// The vocos-type log-mel the model conditions on (torchaudio MelSpectrogram: 24 kHz, n_fft 1024, hop
// 256, 100 HTK mel filters 0–12 kHz without normalisation, power 1, center + reflect), computed on
// the backend so the reference mel is part of a GPU request too.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Vocoder;

public sealed class MelSpectrogram : IDisposable
{
    private readonly IBackend _be;
    private readonly Tensor _filterbank; // (n_fft/2 + 1, nMels)

    public MelSpectrogram(IBackend backend, int sampleRate = 24000, int nfft = 1024, int hop = 256, int nMels = 100)
    {
        _be = backend;
        SampleRate = sampleRate; NFft = nfft; Hop = hop; MelChannels = nMels;
        _filterbank = backend.FromHost(DType.F32, MelFilterbank.Htk(nfft / 2 + 1, 0, sampleRate / 2f, nMels, sampleRate), nfft / 2 + 1, nMels);
    }

    public int SampleRate { get; }
    public int NFft { get; }
    public int Hop { get; }
    public int MelChannels { get; }

    /// <summary>Frames of the mel of a waveform: samples/hop + 1.</summary>
    public int FramesFor(int samples) => samples / Hop + 1;

    /// <summary>Log-mel (frames, nMels) of a waveform at the model's rate.</summary>
    public float[] Compute(ReadOnlySpan<float> wave)
    {
        if (wave.Length <= NFft / 2)
            throw new EngineException($"audio of {wave.Length} samples is too short: at least {NFft / 2 + 1} samples ({(NFft / 2 + 1) * 1000.0 / SampleRate:F0} ms) are needed");
        int frames = FramesFor(wave.Length);
        var w = _be.FromHost(DType.F32, wave, wave.Length);
        var mel = _be.Allocate(DType.F32, frames, MelChannels);
        try
        {
            _be.LogMelSpectrogram(mel, w, _filterbank, wave.Length, NFft, Hop, MelChannels);
            return _be.ToArray(mel);
        }
        finally
        {
            w.Storage.Dispose();
            mel.Storage.Dispose();
        }
    }

    public void Dispose() => _filterbank.Storage.Dispose();
}
