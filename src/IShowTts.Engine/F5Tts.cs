// The engine's front door: token ids + a 24 kHz reference waveform in, a 24 kHz waveform out.
// Reference mel → flow sampling with the DiT → Vocos on the generated frames. Knows nothing of text,
// voices, files other than weights, or HTTP.
using System.Diagnostics;
using IShowTts.Engine.F5;
using IShowTts.Engine.Sampling;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Vocoder;
using IShowTts.Engine.Weights;

namespace IShowTts.Engine;

/// <param name="ReferenceWave">24 kHz mono reference, already preprocessed (RMS, clipping).</param>
/// <param name="TextIds">ids of reference text + text to speak.</param>
/// <param name="DurationFrames">total frames, reference included (the inference path's estimate).</param>
/// <param name="ReferenceMel">(frames, D) the reference's log-mel when cached; computed from ReferenceWave otherwise.</param>
public sealed record SynthesisRequest(
    float[] ReferenceWave, int[] TextIds, int DurationFrames,
    int Nfe = 32, float CfgStrength = 2f, float? SwaySamplingCoefficient = -1f, ulong Seed = 0, float[]? InitialNoise = null,
    float[]? ReferenceMel = null);

public sealed record PhaseTimings(TimeSpan Mel, TimeSpan Prepare, TimeSpan Steps, TimeSpan Vocoder)
{
    public TimeSpan Total => Mel + Prepare + Steps + Vocoder;
}

/// <param name="Wave">24 kHz mono samples of the generated part.</param>
/// <param name="Mel">(Frames, D) the sampled mel, reference frames included.</param>
public sealed record SynthesisResult(float[] Wave, float[] Mel, int Frames, int ReferenceFrames, PhaseTimings Timings);

public sealed class F5Tts : IDisposable
{
    public const int SampleRate = 24000;
    public const int HopLength = 256;

    private readonly IBackend _backend;
    private readonly DiT _dit;
    private readonly Vocos _vocos;
    private readonly MelSpectrogram _mel;
    private readonly FlowSampler _sampler;

    private F5Tts(IBackend backend, F5Weights f5, VocosWeights vocos)
    {
        _backend = backend;
        _dit = new DiT(backend, f5);
        _vocos = new Vocos(backend, vocos);
        _mel = new MelSpectrogram(backend, SampleRate, vocos.Config.NFft, vocos.Config.HopLength, f5.Config.MelDim);
        _sampler = new FlowSampler(backend, _dit);
    }

    public IBackend Backend => _backend;

    public F5Config Config => _dit.Config;

    public DiT DiT => _dit;

    public Vocos Vocoder => _vocos;

    public MelSpectrogram Mel => _mel;

    public FlowSampler Sampler => _sampler;

    public static F5Tts Load(ModelFiles files, IBackend backend, IProgress<double>? progress = null)
    {
        using var f5File = OpenWeights(files.F5Path);
        using var vocosFile = OpenWeights(files.VocosPath);
        var f5 = F5Checkpoint.Load(f5File, files.F5, backend, progress);
        try
        {
            return new F5Tts(backend, f5, VocosWeights.Load(vocosFile, files.Vocos, backend));
        }
        catch
        {
            f5.Dispose();
            throw;
        }
    }

    /// <summary>Seeded random weights of the given shapes (F5TTS_v1_Base + vocos-mel-24khz by default): the whole path without a download.</summary>
    public static F5Tts Random(IBackend backend, ulong seed = 1, F5Config? f5 = null, VocosConfig? vocos = null) =>
        new(backend, F5Checkpoint.Random(f5 ?? F5Config.V1Base, backend, seed),
            VocosWeights.Random(vocos ?? VocosConfig.MelBase24k, backend, seed + 1));

    private static IWeightFile OpenWeights(string path)
    {
        if (!File.Exists(path)) throw new EngineException($"weight file '{path}' does not exist");
        return WeightFiles.Open(path);
    }

    /// <summary>Reference waveform → conditioning mel → sampled mel → waveform of the generated frames.</summary>
    public SynthesisResult Synthesize(SynthesisRequest request, IProgress<int>? stepProgress = null, CancellationToken cancel = default)
    {
        if (request.TextIds.Length == 0) throw new EngineException("the text is empty: nothing to synthesise");
        var clock = Stopwatch.StartNew();
        var refMel = request.ReferenceMel ?? _mel.Compute(request.ReferenceWave);
        int melFrames = refMel.Length / Config.MelDim;
        // The inference path keeps frames from samples // 256 (one fewer than the mel it conditions on).
        int refLen = request.ReferenceWave.Length / HopLength;
        var melTime = clock.Elapsed;

        var sample = new SampleRequest([refMel], [melFrames], [request.TextIds], [request.DurationFrames], request.Nfe,
            request.CfgStrength, request.SwaySamplingCoefficient, request.Seed, request.InitialNoise);
        var mel = _sampler.Sample(sample, out int frames, stepProgress, cancel);
        var sampleTime = clock.Elapsed - melTime;
        int generated = frames - refLen;
        if (generated < 2) throw new EngineException($"the duration ({frames} frames) leaves nothing to generate after the {refLen}-frame reference");
        cancel.ThrowIfCancellationRequested();
        var wave = _vocos.Decode(mel.AsSpan(refLen * Config.MelDim, generated * Config.MelDim), generated);
        var vocoderTime = clock.Elapsed - melTime - sampleTime;
        return new SynthesisResult(wave, mel, frames, refLen, new PhaseTimings(melTime, TimeSpan.Zero, sampleTime, vocoderTime));
    }

    public void Dispose()
    {
        _sampler.Dispose();
        _dit.Dispose();
        _vocos.Dispose();
        _mel.Dispose();
    }
}
