// Workload W1 (W1Workload) on a loaded engine: the synthetic reference and fixed ids, timed through
// F5Tts directly so the figures match docs/performance.md. The reference waveform (≈ 2 M sines) and
// the ids are made once, here, before any clock starts: W1 is timed *from* the waveform and ids.
// Time to first audio streams the W1 voice through the product's F5 engine (short first chunk), as a
// listener of /v1 would hear it.
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Ops.Bench;

public sealed class W1Target : IBenchTarget
{
    private readonly F5Tts _engine;
    private readonly Vocabulary _vocabulary;
    private readonly float[] _referenceWave; // (240 000) read-only: the engine never writes its input
    private readonly int[] _ids;             // (269)

    public W1Target(F5Tts engine, Vocabulary vocabulary)
    {
        _engine = engine;
        _vocabulary = vocabulary;
        _referenceWave = W1Workload.ReferenceWave();
        _ids = W1Workload.TextIds(vocabulary);
    }

    public string Workload => "W1";

    public F5Tts Engine => _engine;

    /// <summary>W1 at <paramref name="nfe"/> over the inputs made once in the constructor (no work beyond the record).</summary>
    public SynthesisRequest Request(int nfe, ulong seed = 0) => new(_referenceWave, _ids, W1Workload.TotalFrames, nfe, 2f, -1f, seed);

    public (PhaseTimings Phases, double GeneratedSeconds) Run(int nfe, ulong seed, IProgress<int>? steps, CancellationToken cancel)
    {
        var result = _engine.Synthesize(Request(nfe, seed), steps, cancel);
        return (result.Timings, (double)result.Wave.Length / F5Tts.SampleRate);
    }

    public double TimeToFirstAudio(int nfe, CancellationToken cancel) =>
        FirstAudio.Measure(_engine, _vocabulary, new Voice("w1", "f5", "en-US", ReferenceFile(), W1Workload.ReferenceText), nfe, cancel);

    /// <summary>W1's synthetic reference as a WAV in the temp folder (the streamed path reads voices from files), written once, atomically.</summary>
    public static string ReferenceFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "ishowtts-w1-reference.wav");
        if (File.Exists(path)) return path;
        var temp = Path.Combine(Path.GetTempPath(), $".ishowtts-w1-reference.{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.Write(temp, W1Workload.ReferenceWave(), F5Tts.SampleRate);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return path;
    }
}
