// How the server speaks chat lines: the original's chat NFE (16) and silence trimming, and the EBU R128
// loudness every clip is brought to so viewers' messages play at one even volume.
namespace IShowTts.Server.Danmaku;

public sealed record ChatSpeechOptions
{
    /// <summary>Sampling steps for chat lines ([danmaku.tts] nfe_step; F5 only).</summary>
    public int NfeStep { get; init; } = 16;

    public bool RemoveSilence { get; init; } = true;

    /// <summary>Integrated loudness target in LUFS ([danmaku.tts] loudness_lufs).</summary>
    public double LoudnessLufs { get; init; } = -23;

    /// <summary>The gain stops where the sample peak would pass this (dBFS).</summary>
    public double PeakCeilingDbfs { get; init; } = -1;
}
