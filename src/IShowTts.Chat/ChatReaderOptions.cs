// Run-time parts of a ChatReader that are not configuration: the clock (tests use a manual one), the
// log, and the platform clients' own options (their Time and Log default to the reader's).
using IShowTts.Chat.Twitch;
using IShowTts.Chat.YouTube;

namespace IShowTts.Chat;

public sealed record ChatReaderOptions
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ChatLog? Log { get; init; }

    public TwitchClientOptions? Twitch { get; init; }

    public YouTubeClientOptions? YouTube { get; init; }
}
