// audioop.ratecv(fragment, 2, channels, inrate, outrate, None) for 16-bit samples: the rates reduced
// by their gcd, samples held as int32 (x << 16), linear interpolation with C truncation, output
// (int16)(v >> 16). pydub uses it when a clip below 11025 Hz meets AudioSegment.silent().
namespace IShowTts.Audio.Internal.Pydub;

internal static class AudioopRateConverter
{
    public static short[] Convert(short[] data, int channels, int inRate, int outRate)
    {
        int g = Gcd(inRate, outRate);
        inRate /= g;
        outRate /= g;
        int frames = data.Length / channels;
        var output = new List<short>((int)Math.Min(int.MaxValue, (long)frames * outRate / inRate + 2) * channels);
        var prev = new int[channels];
        var cur = new int[channels];
        int d = -outRate, read = 0;
        while (true)
        {
            while (d < 0)
            {
                if (read == frames) return output.ToArray();
                for (int c = 0; c < channels; c++)
                {
                    prev[c] = cur[c];
                    cur[c] = data[read * channels + c] << 16; // weights (1, 0): the "digital filter" keeps cur
                }
                read++;
                d += outRate;
            }
            while (d >= 0)
            {
                for (int c = 0; c < channels; c++)
                {
                    int o = (int)(((double)prev[c] * d + (double)cur[c] * (outRate - d)) / outRate);
                    output.Add((short)(o >> 16));
                }
                d -= inRate;
            }
        }
    }

    static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
