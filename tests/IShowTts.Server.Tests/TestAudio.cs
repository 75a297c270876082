// Reference recordings for upload tests, cut from the golden voice recording whatever its length: a
// short clip (under F5's 12 s), a long one (tiled past 12 s) and a small low-rate one.
using IShowTts.Audio;

namespace IShowTts.Server.Tests;

internal static class TestAudio
{
    private static readonly Lazy<float[]> Voice = new(() => AudioDecoder.Decode(TestServer.ReferenceWav).Mono());
    private static readonly Lazy<int> Rate = new(() => AudioDecoder.Decode(TestServer.ReferenceWav).SampleRate);

    /// <summary>At most <paramref name="seconds"/> of the recording as a 16-bit WAV.</summary>
    public static byte[] Short(double seconds = 8)
    {
        var n = Math.Min(Voice.Value.Length, (int)(seconds * Rate.Value));
        return WavWriter.ToBytes(Voice.Value.AsSpan(0, n), Rate.Value);
    }

    /// <summary>The recording repeated to <paramref name="seconds"/>: speech throughout, longer than F5 takes.</summary>
    public static byte[] Long(double seconds = 16)
    {
        var n = (int)(seconds * Rate.Value);
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = Voice.Value[i % Voice.Value.Length];
        return WavWriter.ToBytes(x, Rate.Value);
    }

    /// <summary>The recording at 8 kHz, tiled to <paramref name="seconds"/>: long but few bytes.</summary>
    public static byte[] LowRate(double seconds)
    {
        var low = Resampler.Resample(Voice.Value, Rate.Value, 8000);
        var x = new float[(int)(seconds * 8000)];
        for (int i = 0; i < x.Length; i++) x[i] = low[i % low.Length];
        return WavWriter.ToBytes(x, 8000);
    }

    public static MultipartFormDataContent Form(params (string Name, object Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is byte[] bytes)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/wav");
                form.Add(file, name, name + ".wav");
            }
            else form.Add(new StringContent(value.ToString()!), name);
        }
        return form;
    }
}
