// How the Twitch client reaches the chat server: IRC over TLS (Twitch's 6697), IRC over a WebSocket
// (wss://irc-ws.chat.twitch.tv:443), or plain TCP IRC (6667; tests and self-hosted IRC servers).
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Settings;

[JsonConverter(typeof(JsonStringEnumConverter<TwitchTransport>))]
public enum TwitchTransport
{
    Tls,
    WebSocket,
    Tcp,
}
