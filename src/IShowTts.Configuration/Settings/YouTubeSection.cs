// [danmaku.youtube]: YouTube live chat through Google OAuth (client id/secret, refresh token, channel).
namespace IShowTts.Configuration;

public sealed record YouTubeSection(bool Enabled, string ClientId, string ClientSecret, string RefreshToken, string ChannelId);
