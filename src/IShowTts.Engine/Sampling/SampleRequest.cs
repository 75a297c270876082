// What one sampling call needs, per item: the reference mel (its first Lens frames condition the
// output), token ids of reference + generated text, and the total duration in frames.
namespace IShowTts.Engine.Sampling;

/// <param name="CondMel">per item (rows, D) reference mel, row-major frames × channels.</param>
/// <param name="Lens">per item, conditioning frames (≤ its rows).</param>
/// <param name="TextIds">per item token ids; −1 marks batch padding.</param>
/// <param name="Durations">per item requested total frames, reference included.</param>
/// <param name="InitialNoise">optional (b, N, D) injected y0 (N = the final padded length); null draws it from Seed.</param>
/// <param name="Trajectory">optional: called after every step with (step, state (b, N, D) on the host) — tests only.</param>
public sealed record SampleRequest(
    IReadOnlyList<float[]> CondMel,
    IReadOnlyList<int> Lens,
    IReadOnlyList<int[]> TextIds,
    IReadOnlyList<int> Durations,
    int Nfe = 32,
    float CfgStrength = 2f,
    float? SwaySamplingCoefficient = -1f,
    ulong Seed = 0,
    float[]? InitialNoise = null,
    bool UseEpss = true,
    Action<int, float[]>? Trajectory = null);
