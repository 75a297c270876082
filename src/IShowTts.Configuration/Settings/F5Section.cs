// [f5]: the F5-TTS engine — which model, where its files are (or where to download them), the device
// and the default number of sampling steps; plus its voices. Paths are absolute after loading.
namespace IShowTts.Configuration;

public sealed record F5Section
{
    /// <summary>"F5TTS_v1_Base" or "F5TTS_Base".</summary>
    public required string Model { get; init; }

    /// <summary>An explicit checkpoint file, or null to use <see cref="ModelDirectory"/>.</summary>
    public required string? CheckpointFile { get; init; }

    public required string? VocabFile { get; init; }

    /// <summary>A folder holding Vocos config.yaml + pytorch_model.bin, or null.</summary>
    public required string? VocoderLocalPath { get; init; }

    /// <summary>Where the model files are, or are linked to after a download.</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>The Hugging Face hub cache (…/hub), or null for the hub's own default (HF_HUB_CACHE, HF_HOME).</summary>
    public required string? HfCacheDirectory { get; init; }

    /// <summary>Download the released weights on first use when they are missing.</summary>
    public required bool AutoDownload { get; init; }

    /// <summary>"auto", "cpu", "cuda" or "cuda:N".</summary>
    public required string Device { get; init; }

    public required int DefaultNfeStep { get; init; }

    /// <summary>Voices whose reference audio exists; the others are in IShowTtsConfig.UnavailableVoices.</summary>
    public required IReadOnlyList<F5VoiceSection> Voices { get; init; }
}
