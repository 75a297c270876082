// The ODE's time points: Empirically Pruned Step Sampling (EPSS) for NFE 5/6/7/10/12/16, uniform
// otherwise, then sway sampling t + s·(cos(π/2·t) − 1 + t). Float32, as the official code computes it.
namespace IShowTts.Engine.Sampling;

public static class TimeGrid
{
    private static readonly Dictionary<int, int[]> Epss = new()
    {
        [5] = [0, 2, 4, 8, 16, 32],
        [6] = [0, 2, 4, 6, 8, 16, 32],
        [7] = [0, 2, 4, 6, 8, 16, 24, 32],
        [10] = [0, 2, 4, 6, 8, 12, 16, 20, 24, 28, 32],
        [12] = [0, 2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32],
        [16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32],
    };

    /// <summary>NFE + 1 points from 0 to 1.</summary>
    public static float[] Create(int nfe, float? swayCoefficient, bool useEpss = true)
    {
        if (nfe < 1) throw new EngineException($"nfe_step must be at least 1 (got {nfe})");
        float[] t;
        if (useEpss && Epss.TryGetValue(nfe, out var k))
        {
            const float dt = 1f / 32;
            t = k.Select(v => dt * v).ToArray();
        }
        else
        {
            // torch.linspace(0, 1, nfe + 1) in float32: start + i·step, the upper half computed from the end.
            t = new float[nfe + 1];
            float step = 1f / nfe;
            int halfway = (nfe + 1) / 2;
            for (int i = 0; i <= nfe; i++)
                t[i] = i < halfway ? i * step : 1f - (nfe - i) * step;
        }
        if (swayCoefficient is { } s)
            for (int i = 0; i < t.Length; i++)
                t[i] = t[i] + s * (MathF.Cos(MathF.PI / 2 * t[i]) - 1 + t[i]);
        return t;
    }

    public static bool IsEpss(int nfe) => Epss.ContainsKey(nfe);
}
