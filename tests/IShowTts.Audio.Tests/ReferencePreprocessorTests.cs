// The official reference preprocessing on synthetic clips, for the behaviours the golden set does
// not walk: no clipping under 12 s, pydub's silence splitting, the 11025 Hz floor, silence refused,
// and loudness restored on the output. Parity with the official code itself: ReferenceParityTests.
using IShowTts.Audio.Internal.Pydub;

namespace IShowTts.Audio.Tests;

public sealed class ReferencePreprocessorTests
{
    /// <summary>Tone (amplitude a, 220 Hz) or silence per (ms, a) part, mono at the given rate.</summary>
    static AudioClip Clip(int rate, params (int Ms, double Amplitude)[] parts)
    {
        var samples = new List<float>();
        foreach (var (ms, a) in parts)
        {
            int n = rate * ms / 1000;
            for (int i = 0; i < n; i++) samples.Add((float)(a * Math.Sin(2 * Math.PI * 220 * samples.Count / rate)));
        }
        return new AudioClip(samples.ToArray(), rate, 1);
    }

    static PcmSegment Pcm(AudioClip clip) => new(clip.Samples.Select(WavWriter.ToPcm16).ToArray(), clip.SampleRate, clip.Channels);

    [Fact]
    public void ClipUnderTwelveSecondsIsNotClipped()
    {
        var prepared = ReferencePreprocessor.Prepare(Clip(24000, (3000, 0.3), (1500, 0), (3000, 0.3)));

        Assert.False(prepared.Clipped);
        Assert.Null(prepared.ClipMessage);
        Assert.Empty(prepared.OfficialMessages);
        // 1.5 s of silence is kept whole (1 s kept each side of a split overlaps), plus the 50 ms pad.
        Assert.Equal(7550, prepared.PreprocessedSeconds * 1000, 0.5);
        Assert.Equal(24000, prepared.PreprocessedRate);
        Assert.Equal(prepared.PreprocessedInterleaved.Length, prepared.Wave24k.Length);
    }

    [Fact]
    public void SplitOnSilenceKeepsOneSecondAndSplitsOverlapsAtTheMidpoint()
    {
        var pcm = Pcm(Clip(16000, (2000, 0.5), (1500, 0), (2000, 0.5)));

        var nonsilent = Silence.DetectNonsilent(pcm, 1000, -50, 10);
        var parts = Silence.SplitOnSilence(pcm, 1000, -50, keepSilence: 1000, seekStep: 10);

        Assert.Equal([(0, 2000), (3500, 5500)], nonsilent);
        Assert.Equal([2750, 2750], parts.Select(p => p.LengthMs));
    }

    [Fact]
    public void LongClipIsCutAtAPauseAndSaysTheTranscriptNoLongerMatches()
    {
        // Segments of 7, 7 and 6 s (1 s of each pause kept): the first is over 6 s and the second would pass 12 s.
        var prepared = ReferencePreprocessor.Prepare(Clip(16000, (6000, 0.3), (2000, 0), (5000, 0.3), (2000, 0), (5000, 0.3)));

        Assert.True(prepared.Clipped);
        Assert.Equal([OfficialClipping.LongSilenceMessage], prepared.OfficialMessages);
        Assert.Contains("transcript", prepared.ClipMessage);
        Assert.Equal(6.05, prepared.PreprocessedSeconds, 0.01); // the kept pause is trimmed off the end again
    }

    [Fact]
    public void FirstSegmentOfExactlySixSecondsFallsThroughToTheOtherStrategies()
    {
        // Official quirk: "> 6000" is strict, so 6 s + 7 s is kept, is over 12 s, and steps (2) and (3) run too.
        var prepared = ReferencePreprocessor.Prepare(Clip(16000, (5000, 0.3), (2000, 0), (5000, 0.3), (2000, 0), (5000, 0.3)));

        Assert.Equal([OfficialClipping.LongSilenceMessage, OfficialClipping.ShortSilenceMessage, OfficialClipping.HardCutMessage],
            prepared.OfficialMessages);
        Assert.Contains("hard cut", prepared.ClipMessage);
    }

    [Fact]
    public void ClipWithoutPausesIsHardCutAtTwelveSeconds()
    {
        var prepared = ReferencePreprocessor.Prepare(Clip(24000, (15000, 0.3)));

        Assert.Equal([OfficialClipping.HardCutMessage], prepared.OfficialMessages);
        // The 50 ms pad is AudioSegment.silent(50): 551 frames at 11025 Hz, converted by audioop.ratecv.
        int pad = AudioopRateConverter.Convert(new short[551], 1, 11025, 24000).Length;
        Assert.Equal(1198, pad);
        Assert.Equal((12 * 24000 + pad) / 24000.0, prepared.PreprocessedSeconds, 1e-12);
    }

    [Fact]
    public void InputBelow11025HzComesOutAt11025Hz()
    {
        // pydub appends the clip to AudioSegment.silent(0), whose 11025 Hz wins: the official export is upsampled.
        var prepared = ReferencePreprocessor.Prepare(Clip(8000, (2000, 0.3)));

        Assert.Equal(11025, prepared.PreprocessedRate);
        Assert.Equal(2.05, prepared.PreprocessedSeconds, 0.01);
    }

    [Fact]
    public void StereoPadIsSilentInEveryChannel()
    {
        var mono = Clip(44100, (2000, 0.3));
        var stereo = new AudioClip(mono.Samples.SelectMany(s => new[] { s, -s }).ToArray(), 44100, 2);

        var prepared = ReferencePreprocessor.Prepare(stereo);

        Assert.Equal(2, prepared.PreprocessedChannels);
        // 50 ms at 11025 Hz is 551 frames; audioop.ratecv makes 1 + 550 · 4 = 2201 of them at 44100 Hz.
        var tail = prepared.PreprocessedInterleaved[^(2 * 2201)..];
        Assert.All(tail, s => Assert.Equal(0, s));
        Assert.NotEqual(0, prepared.PreprocessedInterleaved[^(2 * 2201 + 1)] | prepared.PreprocessedInterleaved[^(2 * 2201 + 2)]);
    }

    [Fact]
    public void SilentClipIsRefusedByName()
    {
        var e = Assert.Throws<AudioFormatException>(() => ReferencePreprocessor.Prepare(Clip(24000, (3000, 0)), "quiet.wav"));

        Assert.StartsWith("quiet.wav: no speech found", e.Message);
    }

    [Fact]
    public void QuietReferenceIsRaisedAndTheOutputScaledBack()
    {
        var prepared = ReferencePreprocessor.Prepare(Clip(24000, (2000, 0.02)));

        Assert.True(prepared.RmsRaised);
        Assert.InRange(prepared.RmsBefore, 0.0138, 0.0142); // 0.02 / √2, the pad lowers it slightly
        double raised = Math.Sqrt(prepared.Wave24k.Average(x => (double)x * x));
        Assert.Equal(0.1, raised, 1e-4);

        float[] generated = [0.1f, -0.2f];
        prepared.RestoreLoudness(generated);
        Assert.Equal(0.1f * (float)prepared.RmsBefore / 0.1f, generated[0]);
        Assert.Equal(-0.2f * (float)prepared.RmsBefore / 0.1f, generated[1]);
    }

    [Fact]
    public void LoudReferenceIsLeftAlone()
    {
        var prepared = ReferencePreprocessor.Prepare(Clip(24000, (2000, 0.5)));

        Assert.False(prepared.RmsRaised);
        float[] generated = [0.3f];
        prepared.RestoreLoudness(generated);
        Assert.Equal(0.3f, generated[0]);
    }

    [Fact]
    public void AudioopRateConversionInterpolatesWithCTruncation()
    {
        // in 1 : out 2 → a, (a+b)/2, b, (b+c)/2, c; the halves are computed on x << 16 and shifted back (floor).
        var converted = AudioopRateConverter.Convert([100, 201, -300], channels: 1, inRate: 8000, outRate: 16000);

        Assert.Equal([100, 150, 201, -50, -300], converted);
    }

    [Theory]
    [InlineData(22050, 33, 1)]     // 1.4966 ms rounds to 1
    [InlineData(8000, 20, 2)]      // 2.5 ms rounds half to even
    [InlineData(8000, 28, 4)]      // 3.5 ms rounds half to even
    public void LengthIsPythonRoundOfMilliseconds(int rate, int frames, int expectedMs)
        => Assert.Equal(expectedMs, new PcmSegment(new short[frames], rate, 1).LengthMs);

    [Fact]
    public void SliceOverTheRoundedEndIsPaddedWithZeroFrames()
    {
        // 44 frames at 16 kHz is 2.75 ms → len 3 ms; [0, 3) asks for 48 frames and pydub pads 4 zero frames.
        var segment = new PcmSegment(Enumerable.Repeat((short)1000, 44).ToArray(), 16000, 1);

        var slice = segment.Slice(0, 3);

        Assert.Equal(48, slice.Frames);
        Assert.Equal(957u, segment.SliceRms(0, 3)); // (uint)sqrt(44 · 1000² / 48)
    }
}
