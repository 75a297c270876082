// A whole voice added through the API, as kept in voices/added/voices.json: the Voice fields, its
// reference file (relative to the added folder), who added it and the consent note, and when.
namespace IShowTts.Server.Persistence;

internal sealed record AddedVoice(
    string Id, string Engine, string Language, string? ReferenceAudio, string? ReferenceText, string? Label,
    string? Owner, string? ConsentNote, string? EspeakVoice, DateTimeOffset CreatedAt);
