// Audio features: the log-mel spectrogram of a reference and the Vocos ISTFT head (spectral.cu).
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    public void LogMelSpectrogram(Tensor mel, Tensor wave, Tensor filterbank, int samples, int nfft, int hop, int nMels)
    {
        int pad = nfft / 2, bins = nfft / 2 + 1, frames = samples / hop + 1;
        if (samples <= pad) throw new EngineException($"audio of {samples} samples is too short for a {nfft}-point spectrogram");
        Need(mel, (long)frames * nMels, "LogMelSpectrogram mel");
        Need(wave, samples, "LogMelSpectrogram wave");
        Need(filterbank, (long)bins * nMels, "LogMelSpectrogram filterbank");
        MakeCurrent();
        uint shared = (uint)((3 * nfft + bins) * sizeof(float));
        Args().Add(Ptr(mel)).Add(Code(mel)).Add(Ptr(wave)).Add(Code(wave)).Add(Ptr(filterbank)).Add(Code(filterbank))
            .Add(samples).Add(nfft).Add(hop).Add(nMels);
        Launch("stft_logmel", (uint)frames, Threads, shared);
    }

    public void IstftFromMagnitudePhase(Tensor wave, Tensor spec, int n, int nfft, int hop)
    {
        if (nfft % 2 != 0) throw new NotSupportedException($"ISTFT with an odd n_fft ({nfft})");
        int bins = nfft / 2 + 1, outLength = hop * (n - 1);
        Need(spec, (long)n * 2 * bins, "IstftFromMagnitudePhase spec");
        Need(wave, outLength, "IstftFromMagnitudePhase wave");
        if (outLength <= 0) return;
        MakeCurrent();
        ulong frames = _scratch.Get(ScratchSlot.IstftFrames, (long)n * nfft * sizeof(float));
        uint shared = (uint)((2 * bins + 2 * nfft) * sizeof(float));
        Args().Add(frames).Add(Ptr(spec)).Add(Code(spec)).Add(n).Add(nfft);
        Launch("istft_frames", (uint)n, Threads, shared);
        Args().Add(Ptr(wave)).Add(Code(wave)).Add(frames).Add(n).Add(nfft).Add(hop).Add(outLength);
        Launch("istft_ola", GridFor(outLength));
    }
}
