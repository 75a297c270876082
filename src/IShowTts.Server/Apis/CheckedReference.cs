// An upload that passed every check: what to store, the recording's length, and whether it was cut to
// F5's 12 s at the client's request.
using IShowTts.Server.Persistence;

namespace IShowTts.Server.Apis;

internal sealed record CheckedReference(UploadedAudio Audio, double Seconds, bool Clipped);
