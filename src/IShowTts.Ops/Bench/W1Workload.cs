// Workload W1 of shared/docs/gpu.md, exactly: F5TTS_v1_Base + vocos-mel-24khz shapes with random
// weights, a 10.0 s 24 kHz reference, the reference and generated texts below looked up character by
// character (269 ids), 1326 total frames (937 reference + 389 generated = 4.15 s), CFG 2, sway −1,
// EPSS, Euler, batch 1.
using IShowTts.Engine;
using IShowTts.Text;

namespace IShowTts.Ops.Bench;

public static class W1Workload
{
    public const string ReferenceText =
        "No, you clearly don't know who you're talking to, so let me clue you in. I am not in danger, Skyler. " +
        "I am the danger. A guy opens his door and gets shot, and you think that of me? No, I am. ";

    public const string GeneratedText = "Welcome back to the stream, chat! Thanks for the follow, let's get started now.";

    public const int ReferenceSamples = 240_000;

    public static int ReferenceFrames => ReferenceSamples / F5Tts.HopLength; // 937

    /// <summary>937 + int(937 / 190 · 79) = 1326.</summary>
    public static int TotalFrames =>
        ReferenceFrames + (int)((double)ReferenceFrames / System.Text.Encoding.UTF8.GetByteCount(ReferenceText) * System.Text.Encoding.UTF8.GetByteCount(GeneratedText));

    public static double GeneratedSeconds => (double)(TotalFrames - ReferenceFrames) * F5Tts.HopLength / F5Tts.SampleRate;

    public static int[] TextIds(Vocabulary vocabulary) =>
        (ReferenceText + GeneratedText).Select(ch => vocabulary.IdOf(ch.ToString())).ToArray();

    /// <summary>A deterministic speech-like reference: harmonics with a syllable-rate envelope, RMS ≈ 0.1.</summary>
    public static float[] ReferenceWave()
    {
        var wave = new float[ReferenceSamples];
        for (int i = 0; i < wave.Length; i++)
        {
            double t = i / 24000.0;
            double envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * 4 * t);
            double pitch = 140 + 30 * Math.Sin(2 * Math.PI * 0.5 * t);
            double s = 0;
            for (int h = 1; h <= 6; h++) s += Math.Sin(2 * Math.PI * pitch * h * t) / h;
            wave[i] = (float)(0.19 * envelope * s);
        }
        return wave;
    }

    /// <summary>A fresh W1 request. It makes the reference (≈ 2 M sines, tens of milliseconds): never call it inside
    /// a timed region; W1Target makes the inputs once and times only the synthesis.</summary>
    public static SynthesisRequest Request(Vocabulary vocabulary, int nfe, ulong seed = 0) =>
        new(ReferenceWave(), TextIds(vocabulary), TotalFrames, nfe, 2f, -1f, seed);
}
