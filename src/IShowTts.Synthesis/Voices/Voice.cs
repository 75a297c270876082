namespace IShowTts.Synthesis.Voices;

/// <summary>
/// A voice: for F5 a reference recording and its transcript; for espeak a system voice name.
/// Owner and consent note are kept as metadata with voices cloned from a person's recording.
/// </summary>
public sealed record Voice(
    string Id,
    string Engine,
    string Language = "en-US",
    string? ReferenceAudio = null,
    string? ReferenceText = null,
    bool Preload = false,
    string? Label = null,
    string? Owner = null,
    string? ConsentNote = null,
    string? EspeakVoice = null);
