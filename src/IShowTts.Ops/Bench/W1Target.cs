// Workload W1 (W1Workload) on a loaded engine: the synthetic reference and fixed ids, timed through
// F5Tts directly so the figures match docs/performance.md. Time to first audio streams the W1 voice
// through the product's F5 engine (short first chunk), as a listener of /v1 would hear it.
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Ops.Bench;

public sealed class W1Target(F5Tts engine, Vocabulary vocabulary) : IBenchTarget
{
    public string Workload => "W1";

    public F5Tts Engine => engine;

    public (PhaseTimings Phases, double GeneratedSeconds) Run(int nfe, ulong seed, IProgress<int>? steps, CancellationToken cancel)
    {
        var result = engine.Synthesize(W1Workload.Request(vocabulary, nfe, seed), steps, cancel);
        return (result.Timings, (double)result.Wave.Length / F5Tts.SampleRate);
    }

    public double TimeToFirstAudio(int nfe, CancellationToken cancel) =>
        FirstAudio.Measure(engine, vocabulary, new Voice("w1", "f5", "en-US", ReferenceFile(), W1Workload.ReferenceText), nfe, cancel);

    /// <summary>W1's synthetic reference as a WAV in the temp folder (the streamed path reads voices from files).</summary>
    public static string ReferenceFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "ishowtts-w1-reference.wav");
        if (!File.Exists(path)) WavWriter.Write(path, W1Workload.ReferenceWave(), F5Tts.SampleRate);
        return path;
    }
}
