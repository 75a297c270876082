// One chat message, normalised across platforms. The first nine properties are the original's
// enqueue JSON (id, platform, channel, user_id, username, priority, content, metadata, timestamp);
// the rest are the Twitch/YouTube facts filters and players use, all optional in JSON.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

public sealed record ChatMessage
{
    [JsonPropertyName("id")] public Guid Id { get; init; } = Guid.NewGuid();

    [JsonPropertyName("platform")] public ChatPlatform Platform { get; init; }

    /// <summary>Twitch channel login without '#', or the YouTube target (video id, channel id, "mine").</summary>
    [JsonPropertyName("channel")] public string Channel { get; init; } = "";

    [JsonPropertyName("user_id")] public string? UserId { get; init; }

    /// <summary>Login name (Twitch) or channel display name (YouTube).</summary>
    [JsonPropertyName("username")] public string Username { get; init; } = "";

    [JsonPropertyName("priority")] public ChatPriority Priority { get; init; }

    [JsonPropertyName("content")] public ChatContent Content { get; init; } = ChatContent.Text("");

    /// <summary>Anything else: the raw Twitch tags, the YouTube snippet type; null when none.</summary>
    [JsonPropertyName("metadata")] public JsonElement? Metadata { get; init; }

    /// <summary>When the platform says it was sent; default (year 1) means "now" to <see cref="ChatReader.Submit"/>.</summary>
    [JsonPropertyName("timestamp")] public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>Name colour as "#RRGGBB", when the platform gives one.</summary>
    [JsonPropertyName("color")] public string? Color { get; init; }

    [JsonPropertyName("roles")] public ChatRoles Roles { get; init; }

    /// <summary>Raw badges as "name/version" (Twitch), e.g. "subscriber/12".</summary>
    [JsonPropertyName("badges")] public IReadOnlyList<string> Badges { get; init; } = [];

    [JsonPropertyName("bits")] public int Bits { get; init; }

    /// <summary>Channel-point reward id (Twitch custom-reward-id).</summary>
    [JsonPropertyName("reward_id")] public string? RewardId { get; init; }

    [JsonPropertyName("first_message")] public bool FirstMessage { get; init; }

    [JsonPropertyName("reply_to")] public ReplyParent? ReplyTo { get; init; }

    [JsonPropertyName("emotes")] public IReadOnlyList<EmoteRange> Emotes { get; init; } = [];

    /// <summary>The platform's own message id (Twitch id tag, YouTube message id): what deletions name.</summary>
    [JsonPropertyName("platform_message_id")] public string? PlatformMessageId { get; init; }

    [JsonPropertyName("paid")] public PaidDetails? Paid { get; init; }

    /// <summary>The platform's event kind for system messages: Twitch msg-id (sub, resub, raid…), YouTube snippet.type.</summary>
    [JsonPropertyName("event_kind")] public string? EventKind { get; init; }

    [JsonIgnore] public string Text => Content.Value;

    /// <summary>The name to speak and show: display name when set, else the username.</summary>
    [JsonIgnore] public string SpeakerName => string.IsNullOrWhiteSpace(DisplayName) ? Username : DisplayName!;
}
