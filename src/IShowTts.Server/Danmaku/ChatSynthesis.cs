// The synthesis the chat queue is given: a queue item's spoken text in its voice (null = the server's
// default), at the chat NFE, levelled to the loudness target (EBU R128, peak-limited: Loudness.Normalize)
// and encoded once as 16-bit WAV — the bytes every player frame and the clip route send.
using IShowTts.Audio;
using IShowTts.Chat.Queue;
using IShowTts.Synthesis;
using ChatClip = IShowTts.Chat.Queue.SpeechClip;

namespace IShowTts.Server.Danmaku;

internal sealed class ChatSynthesis(Synthesizer synthesizer, ChatSpeechOptions options, RecentClips clips)
{
    public async Task<ChatClip> SynthesizeAsync(QueueItem item, CancellationToken cancel)
    {
        var request = new SpeechRequest(item.SpokenText, Blank(item.VoiceId), Blank(item.Engine),
            NfeStep: options.NfeStep, RemoveSilence: options.RemoveSilence);
        var clip = await synthesizer.SynthesizeAsync(request, cancel).ConfigureAwait(false);
        var levelled = Loudness.Normalize(clip.Samples, clip.SampleRate, options.LoudnessLufs, options.PeakCeilingDbfs);
        var wav = WavWriter.ToBytes(levelled, clip.SampleRate);
        clips.Add(item.Id, wav);
        return ChatClip.FromEncoded(wav, "audio/wav", TimeSpan.FromSeconds(clip.Seconds), clip.SampleRate);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
