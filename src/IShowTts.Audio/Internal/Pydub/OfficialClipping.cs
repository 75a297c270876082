// Step 1 of the official reference preprocessing (F5-TTS 2ae2c9b `preprocess_ref_audio_text`):
// split on long silences and keep segments up to 12 s; else on short silences; else a hard cut at
// 12 s; then `remove_silence_edges` (−42 dBFS) and 50 ms of silence. Integer PCM in, PCM out.
namespace IShowTts.Audio.Internal.Pydub;

internal static class OfficialClipping
{
    public const int MaxMs = 12_000;
    public const int MinKeptMsBeforeStop = 6_000;
    public const string LongSilenceMessage = "Audio is over 12s, clipping short. (1)";
    public const string ShortSilenceMessage = "Audio is over 12s, clipping short. (2)";
    public const string HardCutMessage = "Audio is over 12s, clipping short. (3)";

    /// <summary>The preprocessed clip and the official clipping messages, in the order they were printed.</summary>
    public static (PcmSegment Audio, List<string> Messages) Run(PcmSegment input)
    {
        var messages = new List<string>();
        var wave = KeepSegments(Silence.SplitOnSilence(input, 1000, -50, keepSilence: 1000, seekStep: 10), LongSilenceMessage, messages);
        if (wave.LengthMs > MaxMs)
            wave = KeepSegments(Silence.SplitOnSilence(input, 100, -40, keepSilence: 1000, seekStep: 10), ShortSilenceMessage, messages);
        if (wave.LengthMs > MaxMs)
        {
            wave = wave.Slice(null, MaxMs);
            messages.Add(HardCutMessage);
        }
        var trimmed = RemoveSilenceEdges(wave);
        return (PcmSegment.Concat(trimmed, PcmSegment.Silent(50)), messages);
    }

    /// <summary>Appends segments to AudioSegment.silent(0) until the clip is over 6 s and the next would pass 12 s.</summary>
    static PcmSegment KeepSegments(List<PcmSegment> segments, string message, List<string> messages)
    {
        var wave = PcmSegment.Silent(0);
        foreach (var segment in segments)
        {
            var longer = PcmSegment.Concat(wave, segment);
            if (wave.LengthMs > MinKeptMsBeforeStop && longer.LengthMs > MaxMs)
            {
                messages.Add(message);
                break;
            }
            wave = longer;
        }
        return wave;
    }

    /// <summary>remove_silence_edges(audio, −42): leading silence off, then the reversed clip's leading silence off the end.</summary>
    static PcmSegment RemoveSilenceEdges(PcmSegment audio)
    {
        int start = Silence.DetectLeadingSilence(audio, -42);
        audio = audio.Slice(start, null);
        int end = Silence.DetectLeadingSilence(audio.Reverse(), -42);
        return end > 0 ? audio.Slice(null, audio.LengthMs - end) : audio;
    }
}
