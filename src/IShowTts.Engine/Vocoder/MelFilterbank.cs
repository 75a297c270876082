// torchaudio.functional.melscale_fbanks with mel_scale "htk" and norm None, in float32 as torchaudio
// computes it: triangular filters between n_mels + 2 points equally spaced on the mel scale.
namespace IShowTts.Engine.Vocoder;

public static class MelFilterbank
{
    /// <summary>(nFreqs, nMels) row-major.</summary>
    public static float[] Htk(int nFreqs, float fMin, float fMax, int nMels, int sampleRate)
    {
        var allFreqs = LinSpace(0f, sampleRate / 2, nFreqs);
        float mMin = (float)(2595.0 * Math.Log10(1.0 + fMin / 700.0));
        float mMax = (float)(2595.0 * Math.Log10(1.0 + fMax / 700.0));
        var mPts = LinSpace(mMin, mMax, nMels + 2);
        var fPts = mPts.Select(m => 700f * (MathF.Pow(10f, m / 2595f) - 1f)).ToArray();
        var fDiff = new float[nMels + 1];
        for (int i = 0; i < fDiff.Length; i++) fDiff[i] = fPts[i + 1] - fPts[i];
        var fb = new float[nFreqs * nMels];
        for (int f = 0; f < nFreqs; f++)
            for (int m = 0; m < nMels; m++)
            {
                float down = -(fPts[m] - allFreqs[f]) / fDiff[m];
                float up = (fPts[m + 2] - allFreqs[f]) / fDiff[m + 1];
                fb[f * nMels + m] = Math.Max(0f, Math.Min(down, up));
            }
        return fb;
    }

    /// <summary>torch.linspace in float32.</summary>
    private static float[] LinSpace(float start, float end, int steps)
    {
        var r = new float[steps];
        if (steps == 1) { r[0] = start; return r; }
        float step = (end - start) / (steps - 1);
        int halfway = steps / 2;
        for (int i = 0; i < steps; i++)
            r[i] = i < halfway ? start + i * step : end - (steps - 1 - i) * step;
        return r;
    }
}
