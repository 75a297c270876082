// What one player is sent: its session's events, minus the items of channels it did not choose — those
// are acknowledged on its behalf at once, so a channel-filtered overlay never holds up the queue.
using System.Runtime.CompilerServices;
using IShowTts.Audio;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Danmaku;

internal static class PlayerEvents
{
    public static async IAsyncEnumerable<PlayoutEvent> ReadAsync(PlayerSession session, ChannelSelector? selector,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        await foreach (var e in session.ReadAllAsync(cancel))
            if (Pass(e, session, selector)) yield return e;
    }

    /// <summary>Whether the player is sent <paramref name="e"/>; an item of another channel is acknowledged instead.</summary>
    public static bool Pass(PlayoutEvent e, PlayerSession session, ChannelSelector? selector)
    {
        if (e.Kind != PlayoutEventKind.Play || selector is null || selector.Matches(e.Item!)) return true;
        session.Acknowledge(e.Item!.Id);
        return false;
    }

    /// <summary>The clip's WAV bytes (encoded once by ChatSynthesis; encoded here if a clip came as samples).</summary>
    public static ReadOnlyMemory<byte> Wav(PlayoutEvent play) =>
        play.Clip!.Encoded.IsEmpty ? WavWriter.ToBytes(play.Clip.Samples.Span, play.Clip.SampleRate) : play.Clip.Encoded;
}
