// The life cycle of one platform connection as the reader reports it.
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ConnectionState>))]
public enum ConnectionState
{
    Connecting,
    Connected,
    Joined,
    Parted,
    /// <summary>Connected but nothing to read yet (YouTube: no active broadcast).</summary>
    Waiting,
    /// <summary>Lost; a reconnect follows after <see cref="ConnectionStatus.RetryIn"/>.</summary>
    Disconnected,
    /// <summary>Backing off because the platform asked (YouTube quota, Twitch login refused).</summary>
    BackingOff,
    Stopped,
}
