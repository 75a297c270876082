// Builders for chat messages and fake synthesisers used across tests.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;

namespace IShowTts.Chat.Tests.Internal;

internal static class Messages
{
    public static ChatMessage Chat(string text, string user = "viewer", ChatPriority priority = ChatPriority.Normal,
        string channel = "streamer", ChatPlatform platform = ChatPlatform.Twitch) => new()
    {
        Platform = platform,
        Channel = channel,
        Username = user,
        UserId = "id-" + user,
        Priority = priority,
        Content = ChatContent.Text(text),
        PlatformMessageId = Guid.NewGuid().ToString(),
    };

    /// <summary>A synthesiser that returns <paramref name="seconds"/> of silence at 24 kHz at once.</summary>
    public static Func<QueueItem, CancellationToken, Task<SpeechClip>> InstantSynth(double seconds = 1) =>
        (_, _) => Task.FromResult(SpeechClip.FromSamples(new float[(int)(24_000 * seconds)], 24_000));
}
