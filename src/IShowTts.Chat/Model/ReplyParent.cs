// The message a Twitch reply answers (reply-parent-* tags).
namespace IShowTts.Chat.Model;

public sealed record ReplyParent(string? MessageId, string? UserId, string? UserLogin, string? DisplayName, string? Body);
