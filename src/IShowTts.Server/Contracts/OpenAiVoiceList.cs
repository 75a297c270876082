// GET /v1/audio/voices: every voice the speech endpoint accepts (not an OpenAI route; clients such as
// Open WebUI read it to fill their voice menus).
namespace IShowTts.Server.Contracts;

public sealed record OpenAiVoiceList(IReadOnlyList<OpenAiVoice> Voices);
