// Money attached to a message: Twitch bits (Currency "bits", AmountMicros = bits · 10⁶) or a YouTube
// Super Chat / Super Sticker / membership (amountMicros, currency, amountDisplayString, tier).
namespace IShowTts.Chat.Model;

public sealed record PaidDetails(long AmountMicros, string Currency, string? DisplayString = null, int? Tier = null);
