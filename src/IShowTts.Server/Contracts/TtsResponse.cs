// The original /api/tts response: the whole clip as a base64 WAV with what produced it.
namespace IShowTts.Server.Contracts;

/// <param name="WaveformLen">samples in the clip (mono).</param>
/// <param name="Format">always "audio/wav" (16-bit PCM mono).</param>
public sealed record TtsResponse(
    string RequestId, string VoiceId, string Engine, string EngineLabel, int SampleRate, string AudioBase64, int WaveformLen, string Format);
