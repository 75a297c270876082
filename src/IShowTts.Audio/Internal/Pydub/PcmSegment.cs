// A 16-bit PCM clip with pydub's AudioSegment arithmetic (jiaaro/pydub 996cec4): lengths in whole
// milliseconds (Python round of frames/rate), ms→frame by truncating ms·(rate/1000.0), slices padded
// with zero frames when the rounded length overshoots, integer RMS as audioop computes it. Only what
// the official reference preprocessing uses; samples are always 16-bit here.
namespace IShowTts.Audio.Internal.Pydub;

internal sealed class PcmSegment
{
    public const double MaxPossibleAmplitude = 32768.0; // 2^16 / 2
    public const int SilentDefaultRate = 11025;         // AudioSegment.silent's default frame rate

    long[]? prefixSquares; // (frames + 1): running Σ x² over all channels, exact in int64

    public PcmSegment(short[] data, int rate, int channels)
    {
        if (data.Length % channels != 0) throw new ArgumentException("data is not a whole number of frames", nameof(data));
        Data = data;
        Rate = rate;
        Channels = channels;
    }

    public short[] Data { get; }  // (frames · channels) interleaved
    public int Rate { get; }
    public int Channels { get; }
    public int Frames => Data.Length / Channels;

    /// <summary>len(segment): round(1000 · (frames / rate)), round half to even like Python's round.</summary>
    public int LengthMs => (int)Math.Round(1000 * ((double)Frames / Rate), MidpointRounding.ToEven);

    /// <summary>AudioSegment.silent(duration, frame_rate): int(rate · (ms / 1000.0)) zero frames, mono.</summary>
    public static PcmSegment Silent(int durationMs, int rate = SilentDefaultRate)
        => new(new short[(int)(rate * (durationMs / 1000.0))], rate, 1);

    /// <summary>_parse_position for a non-negative ms: int(ms · (rate / 1000.0)).</summary>
    int FrameAt(int ms) => (int)(ms * (Rate / 1000.0));

    /// <summary>segment[start:end] in ms (null = open end), with pydub's clamping and zero-frame padding.</summary>
    public PcmSegment Slice(int? startMs, int? endMs)
    {
        var (first, available, padded) = Locate(startMs, endMs);
        var data = new short[(available + padded) * Channels];
        Array.Copy(Data, first * Channels, data, 0, available * Channels);
        return new PcmSegment(data, Rate, Channels);
    }

    /// <summary>segment[start:end].rms without copying: audioop.rms of the slice's samples.</summary>
    public uint SliceRms(int startMs, int endMs)
    {
        var (first, available, padded) = Locate(startMs, endMs);
        long count = (long)(available + padded) * Channels;
        if (count == 0) return 0;
        var prefix = PrefixSquares();
        long sum = prefix[first + available] - prefix[first];
        return (uint)Math.Sqrt((double)sum / count);
    }

    /// <summary>segment[start:end].dBFS: −∞ for rms 0, else 20·log(rms / 32768, 10) as Python's math.log computes it.</summary>
    public double SliceDbfs(int startMs, int endMs)
    {
        uint rms = SliceRms(startMs, endMs);
        if (rms == 0) return double.NegativeInfinity;
        return 20 * (Math.Log(rms / MaxPossibleAmplitude) / Math.Log(10));
    }

    /// <summary>audioop.reverse: samples in reverse order (frames reversed; channels swap too, which RMS ignores).</summary>
    public PcmSegment Reverse()
    {
        var data = (short[])Data.Clone();
        Array.Reverse(data);
        return new PcmSegment(data, Rate, Channels);
    }

    /// <summary>a + b (append without crossfade): both synced to the larger channel count and rate first.</summary>
    public static PcmSegment Concat(PcmSegment a, PcmSegment b)
    {
        int channels = Math.Max(a.Channels, b.Channels), rate = Math.Max(a.Rate, b.Rate);
        var x = a.WithChannels(channels).WithRate(rate);
        var y = b.WithChannels(channels).WithRate(rate);
        var data = new short[x.Data.Length + y.Data.Length];
        x.Data.CopyTo(data, 0);
        y.Data.CopyTo(data, x.Data.Length);
        return new PcmSegment(data, rate, channels);
    }

    /// <summary>set_channels for the only direction the preprocessing needs: mono duplicated to n channels.</summary>
    PcmSegment WithChannels(int channels)
    {
        if (channels == Channels) return this;
        if (Channels != 1) throw new InvalidOperationException($"pydub set_channels({channels}) from {Channels} channels is not used by the preprocessing");
        var data = new short[Data.Length * channels];
        for (int f = 0; f < Data.Length; f++)
            for (int c = 0; c < channels; c++) data[f * channels + c] = Data[f];
        return new PcmSegment(data, Rate, channels);
    }

    /// <summary>set_frame_rate: audioop.ratecv with no state (linear interpolation, integer maths).</summary>
    PcmSegment WithRate(int rate)
        => rate == Rate ? this : new PcmSegment(AudioopRateConverter.Convert(Data, Channels, Rate, rate), rate, Channels);

    (int First, int Available, int Padded) Locate(int? startMs, int? endMs)
    {
        int length = LengthMs;
        int start = Math.Min(startMs ?? 0, length), end = Math.Min(endMs ?? length, length);
        if (start < 0 || end < 0) throw new ArgumentOutOfRangeException(nameof(startMs), "negative positions are not used");
        int first = FrameAt(start), last = FrameAt(end);
        int available = first >= Frames ? 0 : Math.Max(0, Math.Min(last, Frames) - first);
        int missing = last - first - available;
        // pydub pads with copies of a zeroed first frame, so an empty slice stays empty.
        int padded = missing > 0 && available > 0 ? missing : 0;
        if (padded > 2 * (Rate / 1000.0)) throw new InvalidOperationException($"pydub would raise TooManyMissingFrames ({padded})");
        return (first, available, padded);
    }

    long[] PrefixSquares()
    {
        if (prefixSquares is not null) return prefixSquares;
        var prefix = new long[Frames + 1];
        for (int f = 0; f < Frames; f++)
        {
            long frame = 0;
            for (int c = 0; c < Channels; c++) frame += (long)Data[f * Channels + c] * Data[f * Channels + c];
            prefix[f + 1] = prefix[f] + frame;
        }
        return prefixSquares = prefix;
    }
}
