// A configured voice that was left out, and why (its reference audio is missing or unreadable).
// The other voices still load; `ishowtts voices` and /api/voices can show these with the reason.
namespace IShowTts.Configuration;

public sealed record UnavailableVoice(string VoiceId, string Engine, string Reason, ConfigOrigin Origin);
