// The official reference-audio path (golden audio README; f5tts-inference.md §4): pydub clipping to
// ≤ 12 s, edge trim, 50 ms pad, 16-bit export; then mono, RMS raised to 0.1 when quieter, torchaudio
// resampling to 24 kHz. Not the log-mel: that belongs to the engine's MelSpectrogram.
using IShowTts.Audio.Internal.Pydub;

namespace IShowTts.Audio;

public static class ReferencePreprocessor
{
    /// <summary>Prepares a decoded reference clip. Inputs that are not 16-bit are quantised to 16-bit first
    /// (the official path works on the file's integer samples). Throws AudioFormatException naming
    /// <paramref name="nameForErrors"/> when nothing audible is left.</summary>
    public static PreparedReference Prepare(AudioClip clip, string nameForErrors = "reference audio")
    {
        ArgumentNullException.ThrowIfNull(clip);
        var pcm = new short[clip.Samples.Length];
        for (int i = 0; i < pcm.Length; i++) pcm[i] = WavWriter.ToPcm16(clip.Samples[i]);
        var input = new PcmSegment(pcm, clip.SampleRate, clip.Channels);

        var (output, messages) = OfficialClipping.Run(input);
        if (output.Data.All(s => s == 0)) // only the 50 ms pad is left
            throw new AudioFormatException(nameForErrors, "no speech found: the audio is silent (below −42 dBFS throughout)");

        var mono = new AudioClip(ToFloat(output.Data), output.Rate, output.Channels).Mono();
        float rms = Rms(mono);
        bool raised = rms < PreparedReference.TargetRms;
        if (raised)
            for (int i = 0; i < mono.Length; i++) mono[i] = mono[i] * PreparedReference.TargetRms / rms;
        var wave24k = Resampler.Resample(mono, output.Rate, PreparedReference.SampleRate);

        bool clipped = messages.Count > 0;
        var preprocessedSeconds = (double)output.Frames / output.Rate;
        return new PreparedReference(
            wave24k, rms, raised, clipped,
            clipped ? ClipMessage(clip.Seconds, preprocessedSeconds, messages) : null,
            output.Data, output.Rate, output.Channels, messages, clip.Seconds);
    }

    static float[] ToFloat(short[] pcm)
    {
        var x = new float[pcm.Length];
        for (int i = 0; i < x.Length; i++) x[i] = pcm[i] / 32768f;
        return x;
    }

    /// <summary>sqrt(mean(x²)) rounded to float32 as torch computes it (sum accumulated in double here).</summary>
    static float Rms(float[] x)
    {
        double sum = 0;
        foreach (var v in x) sum += v * v; // torch.square rounds each square to float32
        return MathF.Sqrt((float)(sum / x.Length));
    }

    static string ClipMessage(double originalSeconds, double keptSeconds, List<string> messages)
    {
        var how = messages[^1] switch
        {
            OfficialClipping.LongSilenceMessage => "at a pause of at least 1 s",
            OfficialClipping.ShortSilenceMessage => "at a short pause",
            _ => "with a hard cut at 12 s (no pause found)",
        };
        return $"The reference audio ({originalSeconds:0.0} s) is over 12 s and was clipped to {keptSeconds:0.0} s {how}. " +
               "Its transcript was not clipped and no longer matches the audio, which degrades the output: " +
               "use a reference under 12 s, or give the transcript of the kept part only.";
    }
}
