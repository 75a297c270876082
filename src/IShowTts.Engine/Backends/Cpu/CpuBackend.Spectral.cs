using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

public sealed partial class CpuBackend
{
    public void LogMelSpectrogram(Tensor mel, Tensor wave, Tensor filterbank, int samples, int nfft, int hop, int nMels)
    {
        int pad = nfft / 2, bins = nfft / 2 + 1, frames = samples / hop + 1;
        if (samples <= pad) throw new EngineException($"audio of {samples} samples is too short for a {nfft}-point spectrogram");
        var x = Span(wave)[..samples].ToArray();
        var fb = Span(filterbank)[..(bins * nMels)].ToArray();
        var ms = Array(mel, out var mo);
        var window = PeriodicHann(nfft);
        var fft = Fft.Of(nfft);
        For(frames, (long)nfft * 20, f =>
        {
            var re = new double[nfft];
            var im = new double[nfft];
            for (int u = 0; u < nfft; u++)
            {
                int j = f * hop - pad + u;
                // torch reflect padding: mirror without repeating the edge sample.
                if (j < 0) j = -j;
                else if (j >= samples) j = 2 * (samples - 1) - j;
                re[u] = x[j] * window[u];
            }
            fft.Transform(re, im, inverse: false);
            var mag = new double[bins];
            for (int k = 0; k < bins; k++) mag[k] = Math.Sqrt(re[k] * re[k] + im[k] * im[k]);
            for (int m = 0; m < nMels; m++)
            {
                double sum = 0;
                for (int k = 0; k < bins; k++) sum += fb[k * nMels + m] * mag[k];
                ms[mo + f * nMels + m] = (float)Math.Log(Math.Max(sum, 1e-5));
            }
        });
    }

    public void IstftFromMagnitudePhase(Tensor wave, Tensor spec, int n, int nfft, int hop)
    {
        int bins = nfft / 2 + 1, pad = nfft / 2;
        int fullLength = nfft + hop * (n - 1);
        var s = Array(spec, out var so);
        var window = PeriodicHann(nfft);
        var frames = new double[n * nfft];
        var fft = Fft.Of(nfft);
        For(n, (long)nfft * 20, f =>
        {
            var re = new double[nfft];
            var im = new double[nfft];
            int row = so + f * 2 * bins;
            for (int k = 0; k < bins; k++)
            {
                double mag = Math.Min(Math.Exp(s[row + k]), 100.0);
                double phase = s[row + bins + k];
                re[k] = mag * Math.Cos(phase);
                // irfft ignores the imaginary part of the DC and Nyquist bins.
                im[k] = k == 0 || k == bins - 1 ? 0 : mag * Math.Sin(phase);
            }
            for (int k = 1; k < bins - 1; k++)
            {
                re[nfft - k] = re[k];
                im[nfft - k] = -im[k];
            }
            fft.Transform(re, im, inverse: true);
            for (int u = 0; u < nfft; u++) frames[f * nfft + u] = re[u] / nfft * window[u];
        });
        var ola = new double[fullLength];
        var envelope = new double[fullLength];
        for (int f = 0; f < n; f++)
            for (int u = 0; u < nfft; u++)
            {
                ola[f * hop + u] += frames[f * nfft + u];
                envelope[f * hop + u] += window[u] * window[u];
            }
        var ws = Array(wave, out var wo);
        int outLength = hop * (n - 1);
        for (int j = 0; j < outLength; j++)
        {
            double env = envelope[j + pad];
            ws[wo + j] = (float)(env > 1e-11 ? ola[j + pad] / env : 0);
        }
    }

    /// <summary>torch.hann_window(n) with periodic=True: 0.5 − 0.5·cos(2πu/n).</summary>
    internal static double[] PeriodicHann(int n)
    {
        var w = new double[n];
        for (int u = 0; u < n; u++) w[u] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * u / n);
        return w;
    }
}
