// [danmaku.twitch]: the Twitch IRC client; an empty oauth_token means anonymous (justinfan) reading.
namespace IShowTts.Configuration;

/// <param name="Channels">channels joined at start, lower case without '#'.</param>
public sealed record TwitchSection(bool Enabled, string BotUsername, string OAuthToken, IReadOnlyList<string> Channels);
