using IShowTts.Synthesis.Voices;

namespace IShowTts.Synthesis.Engines;

/// <summary>Whether an engine can speak now, and if not, what the operator should do.</summary>
public sealed record EngineStatus(bool Ready, string? Reason = null)
{
    public static EngineStatus Available { get; } = new(true);
}

/// <summary>A speech engine the Synthesizer routes to by id ("f5", "espeak").</summary>
public interface ISpeechEngine
{
    string Id { get; }

    /// <summary>A human label (the original's engine_label).</summary>
    string Label { get; }

    EngineStatus Status { get; }

    /// <summary>Voices the engine offers by itself (espeak's system voices); configured voices come from the catalog.</summary>
    IReadOnlyList<Voice> BuiltInVoices { get; }

    /// <summary>Speaks in order, chunk by chunk; the first chunk comes as soon as it is ready.</summary>
    IAsyncEnumerable<AudioChunk> StreamAsync(Voice voice, ResolvedRequest request, CancellationToken cancel);

    /// <summary>Prepares a voice (reference cache, kernels) and runs one short synthesis.</summary>
    Task WarmUpAsync(Voice voice, CancellationToken cancel);
}

/// <summary>A request with every default filled in.</summary>
/// <param name="Progress">sampling progress per chunk, for command-line and UI progress bars; may be null.</param>
public sealed record ResolvedRequest(string Text, SpeakOptions Options, float TargetRms, bool RemoveSilence, IProgress<SpeakProgress>? Progress = null);
