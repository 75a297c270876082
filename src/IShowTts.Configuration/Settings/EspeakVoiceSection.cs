// [[espeak.voices]]: one system voice: our voice id, the espeak-ng voice name, rate and language.
namespace IShowTts.Configuration;

public sealed record EspeakVoiceSection(string Id, string Voice, int Rate, string Language, string EngineLabel);
