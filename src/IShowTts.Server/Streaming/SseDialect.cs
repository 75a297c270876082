// The two server-sent-event shapes: OpenAI's (speech.audio.delta / speech.audio.done, base64 of the
// requested format) and ours for /api/tts (start, audio with base64 16-bit PCM, done, error).
namespace IShowTts.Server.Streaming;

internal enum SseDialect
{
    OpenAi,
    IShowTts,
}
