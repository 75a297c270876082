// One entry of GET /api/voices: the original's fields (id, engine, engine_label, language,
// reference_text) plus where the voice comes from, its owner and consent note, and whether its
// reference is overridden and its engine ready.
namespace IShowTts.Server.Contracts;

/// <param name="Source">"config" (configuration file), "engine" (built into an engine, e.g. espeak) or "api" (added by upload).</param>
public sealed record VoiceInfo(
    string Id, string Engine, string EngineLabel, string? Language, string? ReferenceText, string? Label,
    string Source, bool HasOverride, bool Ready, string? Owner, string? ConsentNote);
