// [[f5.voices]]: a cloned voice — reference clip, its exact transcript, language, label and metadata.
namespace IShowTts.Configuration;

/// <param name="ReferenceAudio">absolute path of the reference clip (exists when loaded).</param>
/// <param name="ReferenceText">the transcript of the whole clip, so duration modelling stays aligned.</param>
/// <param name="Language">"en-US" or "zh-CN".</param>
public sealed record F5VoiceSection(string Id, string ReferenceAudio, string ReferenceText, string Language,
    string EngineLabel, bool Preload, string Owner, string ConsentNote);
