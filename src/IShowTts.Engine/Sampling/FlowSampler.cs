// CFM.sample: Euler integration of the DiT's velocity from noise (t = 0) to mel (t = 1) over the time
// grid, with classifier-free guidance packed (conditional and unconditional halves in one batch) and
// the reference frames restored at the end. Batched items are padded to the longest and masked.
using IShowTts.Engine.F5;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Sampling;

public sealed class FlowSampler(IBackend backend, DiT dit)
{
    public const int MaxDurationClamp = 65536;

    /// <summary>Per item total frames after the official rule: max(duration, max(text, ref) + 1), clamped.</summary>
    public static int[] ResolveDurations(SampleRequest r)
    {
        var result = new int[r.TextIds.Count];
        for (int i = 0; i < result.Length; i++)
        {
            int textLen = r.TextIds[i].Count(id => id != -1);
            result[i] = Math.Min(Math.Max(Math.Max(textLen, r.Lens[i]) + 1, r.Durations[i]), MaxDurationClamp);
        }
        return result;
    }

    /// <summary>Samples the mel of every item: (b, N, D) host array, reference frames replaced by the condition, N = max duration.</summary>
    public float[] Sample(SampleRequest r, out int frames, IProgress<int>? stepProgress = null, CancellationToken cancel = default)
    {
        var c = dit.Config;
        int b = r.TextIds.Count, D = c.MelDim;
        Validate(r, c);
        var durations = ResolveDurations(r);
        int n = durations.Max();
        if (n > F5Config.MaxFrames)
            throw new EngineException($"the request needs {n} frames, reference included; the model allows {F5Config.MaxFrames} (≈ {F5Config.MaxFrames * 256 / 24000.0:F0} s): shorten the text or the reference");
        frames = n;

        // cond padded to n; step_cond zero past each item's lens.
        var condHost = new float[b * n * D];
        for (int i = 0; i < b; i++)
            Array.Copy(r.CondMel[i], 0, condHost, i * n * D, Math.Min(r.Lens[i], n) * D);

        var y0 = r.InitialNoise is null ? DrawNoise(durations, n, D, r.Seed) : (float[])r.InitialNoise.Clone();
        if (y0.Length != b * n * D)
            throw new EngineException($"injected initial noise has {y0.Length} values; expected {b}×{n}×{D}");
        // Official y0: per item of its own duration, zero-padded to n (pad_sequence), injected or drawn.
        for (int i = 0; i < b; i++)
            Array.Clear(y0, (i * n + durations[i]) * D, (n - durations[i]) * D);

        var grid = TimeGrid.Create(r.Nfe, r.SwaySamplingCoefficient, r.UseEpss);
        bool packed = r.CfgStrength >= 1e-5f;
        int[]? frameLens = b > 1 ? durations : null;

        using var y = new OwnedTensor(backend, b, n, D);
        using var cond = new OwnedTensor(backend, b, n, D);
        backend.Upload(y.T, y0);
        backend.Upload(cond.T, condHost);
        dit.Prepare(r.TextIds, cond.T, frameLens, n, grid.AsSpan(0, r.Nfe), packed);

        long count = (long)b * n * D;
        var trajectoryBuffer = r.Trajectory is null ? null : new float[count];
        for (int step = 0; step < r.Nfe; step++)
        {
            cancel.ThrowIfCancellationRequested();
            dit.Forward(y.T, step);
            backend.EulerCfgStep(y.T, dit.Velocity, count, grid[step + 1] - grid[step], r.CfgStrength, packed);
            if (trajectoryBuffer is not null)
            {
                backend.Download(y.T, trajectoryBuffer);
                r.Trajectory!(step + 1, trajectoryBuffer);
            }
            stepProgress?.Report(step + 1);
        }

        var result = new float[count];
        backend.Download(y.T, result);
        for (int i = 0; i < b; i++)
            Array.Copy(condHost, i * n * D, result, i * n * D, Math.Min(r.Lens[i], n) * D);
        return result;
    }

    /// <summary>y0 per item of its own duration, re-seeded per item as the official code does; zero padding after.</summary>
    private static float[] DrawNoise(int[] durations, int n, int D, ulong seed)
    {
        var y0 = new float[durations.Length * n * D];
        for (int i = 0; i < durations.Length; i++)
            GaussianNoise.Fill(y0.AsSpan(i * n * D, durations[i] * D), seed);
        return y0;
    }

    private static void Validate(SampleRequest r, F5Config c)
    {
        int b = r.TextIds.Count;
        if (b == 0) throw new EngineException("nothing to synthesise: the batch is empty");
        if (r.CondMel.Count != b || r.Lens.Count != b || r.Durations.Count != b)
            throw new EngineException("every batch item needs a reference mel, a length, text ids and a duration");
        if (r.Nfe < 1 || r.Nfe > 1000) throw new EngineException($"nfe_step must be between 1 and 1000 (got {r.Nfe})");
        for (int i = 0; i < b; i++)
        {
            var ids = r.TextIds[i];
            if (ids.Length == 0 || ids.All(id => id == -1)) throw new EngineException($"item {i}: the text is empty");
            bool padding = false;
            foreach (var id in ids)
            {
                if (id == -1) { padding = true; continue; }
                if (padding) throw new EngineException($"item {i}: token ids continue after padding (−1)");
                if (id < 0 || id >= c.VocabSize)
                    throw new EngineException($"item {i}: token id {id} is outside the vocabulary of {c.VocabSize} tokens");
            }
            if (r.CondMel[i].Length % c.MelDim != 0)
                throw new EngineException($"item {i}: the reference mel is not a whole number of {c.MelDim}-channel frames");
            int rows = r.CondMel[i].Length / c.MelDim;
            if (r.Lens[i] < 1 || r.Lens[i] > rows)
                throw new EngineException($"item {i}: reference length {r.Lens[i]} is outside the mel's {rows} frames");
        }
    }
}
