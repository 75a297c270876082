// spectral.cu: the audio features, as CpuBackend.Spectral.cs defines them (torch.stft/istft, center,
// periodic Hann). DFTs are direct sums over shared-memory twiddle tables (index k*u mod nfft, so any
// nfft works), accumulated in float; window and twiddles are computed in double and rounded.
//   stft_logmel   one block per frame: reflect-padded windowed frame -> |DFT| (bins) -> mel = fb^T |X|
//                 -> log(max(mel, 1e-5)).
//   istft_frames  one block per frame: S = min(exp(mag), 100) e^{i phase} -> real inverse DFT (Hermitian,
//                 imaginary DC/Nyquist ignored like irfft) / nfft * window -> frames (n, nfft) float.
//   istft_ola     one thread per output sample: overlap-add of the frames that cover it divided by the
//                 summed squared window (0 where that is below 1e-11), trimming nfft/2 at both ends.
//   v1 (M1): direct DFTs; a cuFFT or DFT-as-GEMM path is M2 work.
#include "common.cu"

extern "C" __global__ void stft_logmel(void* mel, int tm, const void* wave, int tw, const void* fb, int tfb,
    int samples, int nfft, int hop, int nMels)
{
    extern __shared__ float sm[];
    float* frame = sm;             // nfft
    float* cs = frame + nfft;      // nfft
    float* sn = cs + nfft;         // nfft
    float* mag = sn + nfft;        // nfft/2 + 1
    const int f = blockIdx.x, pad = nfft / 2, bins = nfft / 2 + 1;
    for (int u = threadIdx.x; u < nfft; u += blockDim.x)
    {
        int j = f * hop - pad + u;
        if (j < 0) j = -j;
        else if (j >= samples) j = 2 * (samples - 1) - j;
        double c = cospi(2.0 * u / nfft), s = sinpi(2.0 * u / nfft);
        frame[u] = (float)(load(wave, j, tw) * (0.5 - 0.5 * c));
        cs[u] = (float)c;
        sn[u] = (float)s;
    }
    __syncthreads();
    for (int k = threadIdx.x; k < bins; k += blockDim.x)
    {
        float re = 0.0f, im = 0.0f;
        int idx = 0;
        for (int u = 0; u < nfft; u++)
        {
            re += frame[u] * cs[idx];
            im -= frame[u] * sn[idx];
            idx += k;
            if (idx >= nfft) idx -= nfft;
        }
        mag[k] = sqrtf(re * re + im * im);
    }
    __syncthreads();
    for (int m = threadIdx.x; m < nMels; m += blockDim.x)
    {
        float s = 0.0f;
        for (int k = 0; k < bins; k++) s += load(fb, (i64)k * nMels + m, tfb) * mag[k];
        store(mel, (i64)f * nMels + m, tm, logf(fmaxf(s, 1e-5f)));
    }
}

extern "C" __global__ void istft_frames(float* frames, const void* spec, int ts, int n, int nfft)
{
    extern __shared__ float sm[];
    const int bins = nfft / 2 + 1;
    float* re = sm;                // bins
    float* im = re + bins;         // bins
    float* cs = im + bins;         // nfft
    float* sn = cs + nfft;         // nfft
    const int f = blockIdx.x;
    const i64 row = (i64)f * 2 * bins;
    for (int k = threadIdx.x; k < bins; k += blockDim.x)
    {
        float mag = fminf(expf(load(spec, row + k, ts)), 100.0f);
        float phase = load(spec, row + bins + k, ts);
        re[k] = mag * cosf(phase);
        im[k] = mag * sinf(phase);
    }
    for (int u = threadIdx.x; u < nfft; u += blockDim.x)
    {
        cs[u] = (float)cospi(2.0 * u / nfft);
        sn[u] = (float)sinpi(2.0 * u / nfft);
    }
    __syncthreads();
    for (int u = threadIdx.x; u < nfft; u += blockDim.x)
    {
        float edge = re[0] + ((nfft & 1) == 0 ? ((u & 1) ? -re[bins - 1] : re[bins - 1]) : 0.0f);
        float sum = 0.0f;
        int idx = u;
        int last = (nfft & 1) == 0 ? bins - 1 : bins;   // the Nyquist bin exists only for even nfft
        for (int k = 1; k < last; k++)
        {
            sum += re[k] * cs[idx] - im[k] * sn[idx];
            idx += u;
            if (idx >= nfft) idx -= nfft;
        }
        double window = 0.5 - 0.5 * cospi(2.0 * u / nfft);
        frames[(i64)f * nfft + u] = (float)((edge + 2.0f * sum) / nfft * window);
    }
}

extern "C" __global__ void istft_ola(void* wave, int tw, const float* frames, int n, int nfft, int hop, int outLength)
{
    GRID_LOOP(j, outLength)
    {
        int pos = (int)j + nfft / 2;
        int fLast = min(n - 1, pos / hop);
        int fFirst = pos - nfft + 1 <= 0 ? 0 : (pos - nfft + 1 + hop - 1) / hop;
        double ola = 0.0, env = 0.0;
        for (int f = fFirst; f <= fLast; f++)
        {
            int u = pos - f * hop;
            ola += frames[(i64)f * nfft + u];
            double w = 0.5 - 0.5 * cospi(2.0 * u / nfft);
            env += w * w;
        }
        store(wave, j, tw, env > 1e-11 ? (float)(ola / env) : 0.0f);
    }
}
