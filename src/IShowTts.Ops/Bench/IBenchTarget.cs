// What the bench times: one whole request at a given NFE, returning its phase times and how much
// speech it made. W1 (synthetic reference, fixed ids) or a configured voice speaking a fixed text.
using IShowTts.Engine;

namespace IShowTts.Ops.Bench;

public interface IBenchTarget
{
    /// <summary>"W1" or "voice:&lt;id&gt;": what the figures are comparable with.</summary>
    string Workload { get; }

    F5Tts Engine { get; }

    /// <summary>Synthesises once; <paramref name="steps"/> sees each sampling step.</summary>
    (PhaseTimings Phases, double GeneratedSeconds) Run(int nfe, ulong seed, IProgress<int>? steps, CancellationToken cancel);

    /// <summary>Seconds until the first chunk of a streamed two-sentence request arrives (the short first chunk).</summary>
    double TimeToFirstAudio(int nfe, CancellationToken cancel);
}
