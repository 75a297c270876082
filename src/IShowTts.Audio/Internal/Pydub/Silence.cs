// pydub.silence (jiaaro/pydub 996cec4): detect_silence, detect_nonsilent, split_on_silence and
// detect_leading_silence, step for step, on PcmSegment. Thresholds compare audioop's integer RMS with
// 10^(dBFS/20) · 32768. Not a voice-activity detector of our own: this is the official behaviour.
namespace IShowTts.Audio.Internal.Pydub;

internal static class Silence
{
    /// <summary>[start, end] ms ranges whose every min_silence_len window (seek_step apart) has rms ≤ threshold.</summary>
    public static List<(int Start, int End)> DetectSilence(PcmSegment segment, int minSilenceLen, double silenceThreshDb, int seekStep)
    {
        var ranges = new List<(int, int)>();
        int segLen = segment.LengthMs;
        if (segLen < minSilenceLen) return ranges;

        double threshold = Math.Pow(10, silenceThreshDb / 20) * PcmSegment.MaxPossibleAmplitude;
        int lastSliceStart = segLen - minSilenceLen;
        var silenceStarts = new List<int>();
        for (int i = 0; i <= lastSliceStart; i += seekStep)
            if (segment.SliceRms(i, i + minSilenceLen) <= threshold) silenceStarts.Add(i);
        if (lastSliceStart % seekStep != 0 && segment.SliceRms(lastSliceStart, lastSliceStart + minSilenceLen) <= threshold)
            silenceStarts.Add(lastSliceStart);
        if (silenceStarts.Count == 0) return ranges;

        int prev = silenceStarts[0], rangeStart = prev;
        foreach (int start in silenceStarts.Skip(1))
        {
            bool continuous = start == prev + seekStep;
            bool hasGap = start > prev + minSilenceLen; // overlapping silent windows merge even across a blip
            if (!continuous && hasGap)
            {
                ranges.Add((rangeStart, prev + minSilenceLen));
                rangeStart = start;
            }
            prev = start;
        }
        ranges.Add((rangeStart, prev + minSilenceLen));
        return ranges;
    }

    /// <summary>The complement of DetectSilence within [0, len]; empty when one silence spans everything.</summary>
    public static List<(int Start, int End)> DetectNonsilent(PcmSegment segment, int minSilenceLen, double silenceThreshDb, int seekStep)
    {
        var silent = DetectSilence(segment, minSilenceLen, silenceThreshDb, seekStep);
        int len = segment.LengthMs;
        if (silent.Count == 0) return [(0, len)];
        if (silent[0].Start == 0 && silent[0].End == len) return [];

        var ranges = new List<(int Start, int End)>();
        int prevEnd = 0;
        foreach (var (start, end) in silent)
        {
            ranges.Add((prevEnd, start));
            prevEnd = end;
        }
        if (silent[^1].End != len) ranges.Add((prevEnd, len));
        if (ranges[0] == (0, 0)) ranges.RemoveAt(0);
        return ranges;
    }

    /// <summary>The non-silent parts, each widened by keep_silence ms (overlaps split at the floor of their midpoint).</summary>
    public static List<PcmSegment> SplitOnSilence(PcmSegment segment, int minSilenceLen, double silenceThreshDb, int keepSilence, int seekStep)
    {
        var output = DetectNonsilent(segment, minSilenceLen, silenceThreshDb, seekStep)
            .Select(r => new[] { r.Start - keepSilence, r.End + keepSilence })
            .ToList();
        for (int i = 0; i + 1 < output.Count; i++)
        {
            int lastEnd = output[i][1], nextStart = output[i + 1][0];
            if (nextStart < lastEnd)
            {
                output[i][1] = FloorDiv(lastEnd + nextStart, 2);
                output[i + 1][0] = output[i][1];
            }
        }
        int len = segment.LengthMs;
        return output.Select(r => segment.Slice(Math.Max(r[0], 0), Math.Min(r[1], len))).ToList();
    }

    /// <summary>Milliseconds of leading chunks quieter than the threshold (dBFS), at most the length.</summary>
    public static int DetectLeadingSilence(PcmSegment sound, double silenceThresholdDb = -50.0, int chunkSize = 10)
    {
        int trim = 0, len = sound.LengthMs;
        while (sound.SliceDbfs(trim, trim + chunkSize) < silenceThresholdDb && trim < len)
            trim += chunkSize;
        return Math.Min(trim, len);
    }

    static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);
}
