// CFM.sample: Euler integration of the DiT's velocity from noise (t = 0) to mel (t = 1) over the time
// grid, with classifier-free guidance packed (conditional and unconditional halves in one batch) and
// the reference frames restored at the end. Batched items are padded to the longest and masked.
using IShowTts.Engine.F5;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Sampling;

public sealed class FlowSampler(IBackend backend, DiT dit) : IDisposable
{
    public const int MaxDurationClamp = 65536;
    private const int MaxCachedGraphs = 16;

    private TensorStorage? _storage;
    private int _storageGeneration;
    private readonly Dictionary<string, IBackendGraph> _graphs = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _graphOrder = new();

    /// <summary>
    /// Replay the whole sampling loop as one recorded graph on backends that have them (one per request
    /// shape, kept for the next request of that shape). ISHOWTTS_GRAPHS=0 turns it off.
    /// </summary>
    public bool UseGraphs { get; set; } = Environment.GetEnvironmentVariable("ISHOWTTS_GRAPHS") != "0";

    /// <summary>How the last Sample ran: "eager", "graph recorded" or "graph replayed".</summary>
    public string LastMode { get; private set; } = "";

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

        if (r.InitialNoise is { } injected && injected.Length != b * n * D)
            throw new EngineException($"injected initial noise has {injected.Length} values; expected {b}×{n}×{D}");

        var grid = TimeGrid.Create(r.Nfe, r.SwaySamplingCoefficient, r.UseEpss);
        bool packed = r.CfgStrength >= 1e-5f;
        int[]? frameLens = b > 1 ? durations : null;

        long count = (long)b * n * D;
        var (y, cond) = Buffers(count);
        backend.Upload(cond, condHost);
        dit.Prepare(r.TextIds, cond, frameLens, n, grid.AsSpan(0, r.Nfe), packed);

        // Drawn after Prepare is queued: on an asynchronous backend the host draws while the device prepares.
        var y0 = r.InitialNoise is null ? DrawNoise(durations, n, D, r.Seed) : (float[])r.InitialNoise.Clone();
        // Official y0: per item of its own duration, zero-padded to n (pad_sequence), injected or drawn.
        for (int i = 0; i < b; i++)
            Array.Clear(y0, (i * n + durations[i]) * D, (n - durations[i]) * D);
        backend.Upload(y, y0);

        void Step(int step) =>
            backend.EulerCfgStep(y, dit.Velocity, count, grid[step + 1] - grid[step], r.CfgStrength, packed);
        void Loop()
        {
            for (int step = 0; step < r.Nfe; step++)
            {
                dit.Forward(y, step);
                Step(step);
            }
        }

        bool graphs = UseGraphs && r.Trajectory is null;
        string key = graphs ? GraphKey(r, b, n, packed, frameLens, grid) : "";
        if (graphs && _graphs.TryGetValue(key, out var graph))
        {
            cancel.ThrowIfCancellationRequested();
            graph.Launch();
            stepProgress?.Report(r.Nfe);
            LastMode = "graph replayed";
        }
        else
        {
            var trajectoryBuffer = r.Trajectory is null ? null : new float[count];
            for (int step = 0; step < r.Nfe; step++)
            {
                cancel.ThrowIfCancellationRequested();
                dit.Forward(y, step);
                Step(step);
                if (trajectoryBuffer is not null)
                {
                    backend.Download(y, trajectoryBuffer);
                    r.Trajectory!(step + 1, trajectoryBuffer);
                }
                stepProgress?.Report(step + 1);
            }
            LastMode = "eager";
            // Record this shape now (recording runs nothing) so the next request of it is one launch.
            if (graphs && backend.Capture(Loop) is { } recorded)
            {
                Remember(key, recorded);
                LastMode = "graph recorded";
            }
        }

        var result = new float[count];
        backend.Download(y, result);
        for (int i = 0; i < b; i++)
            Array.Copy(condHost, i * n * D, result, i * n * D, Math.Min(r.Lens[i], n) * D);
        return result;
    }

    /// <summary>The ODE state and the condition, (count) each, kept between requests at stable addresses (graphs point at them).</summary>
    private (Tensor Y, Tensor Cond) Buffers(long count)
    {
        if (_storage is null || _storage.Capacity < 2 * count)
        {
            ForgetGraphs();
            _storage?.Dispose();
            _storage = null;
            _storage = backend.AllocateStorage(backend.ComputeType, 2 * count);
        }
        if (_storageGeneration != dit.State.Generation) ForgetGraphs();
        return (new Tensor(_storage, 0, checked((int)count)), new Tensor(_storage, count, checked((int)count)));
    }

    private string GraphKey(SampleRequest r, int b, int n, bool packed, int[]? frameLens, float[] grid) =>
        $"{b}|{n}|{r.Nfe}|{packed}|{r.CfgStrength:R}|{string.Join(',', grid.Select(t => t.ToString("R")))}|" +
        $"{(frameLens is null ? "-" : string.Join(',', frameLens))}|{dit.State.Generation}";

    private void Remember(string key, IBackendGraph graph)
    {
        _storageGeneration = dit.State.Generation;
        _graphs[key] = graph;
        _graphOrder.AddFirst(key);
        while (_graphOrder.Count > MaxCachedGraphs)
        {
            var old = _graphOrder.Last!.Value;
            _graphOrder.RemoveLast();
            if (_graphs.Remove(old, out var g)) g.Dispose();
        }
    }

    private void ForgetGraphs()
    {
        foreach (var g in _graphs.Values) g.Dispose();
        _graphs.Clear();
        _graphOrder.Clear();
    }

    public void Dispose()
    {
        ForgetGraphs();
        _storage?.Dispose();
        _storage = null;
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
