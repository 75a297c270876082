// One emote occurrence in a message: [Start, End] inclusive, counted in Unicode code points (as
// Twitch counts them), not UTF-16 units, so an emoji before the emote does not shift it.
namespace IShowTts.Chat.Model;

public sealed record EmoteRange(string Id, int Start, int End);
