// `ishowtts say`: one utterance to a WAV file or as raw PCM on stdout, with F5 (a model directory or
// seeded random weights, and a reference recording) or the espeak system voice.
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Engine.Backends;
using IShowTts.Ops.Bench;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Cli.Commands;

public sealed class SayCommand : ICommand
{
    public string Name => "say";

    public string Summary => "speak a text into a WAV file (or raw PCM on stdout)";

    public string Usage => """
        usage: ishowtts say "text" --out FILE [options]

          --out FILE         WAV to write (24 kHz mono, 16-bit), or - for raw 16-bit little-endian
                             24 kHz mono PCM on stdout, streamed as it is made
          --engine E         f5 (default when a model is given) or espeak (the system voice: no
                             model needed; Debian libespeak-ng1)
          --voice ID         a voice of the configuration ([[f5.voices]], espeak-en, espeak-zh); without
                             --model-dir/--random-weights the configured model and voices are used
          --ref-audio FILE   F5: reference recording (WAV, MP3, FLAC, Ogg Vorbis/Opus; any rate)
          --ref-text TEXT    its transcript (required with --ref-audio)
          --model-dir DIR    F5 model files: released names (model_*.safetensors, config.yaml +
                             pytorch_model.bin) or a golden set (<set>_meta.json …); see README
          --model NAME       preset for a released checkpoint: F5TTS_v1_Base (default) or F5TTS_Base
          --random-weights   F5TTS_v1_Base shapes with seeded random weights (no download; the
                             speech is noise, the timing is real); without --ref-audio it uses
                             workload W1's synthetic 10 s reference
          --nfe N            sampling steps (default 7)
          --seed N           noise seed (default 0): same seed, same audio
          --speed X          speaking speed (default 1.0)
          --device D         cpu, cuda or auto (default auto)
          --language L       en or zh: how to read numbers in text without letters
          --no-normalize     read the text exactly as the official code does (2024 → 2 0 2 4)
        """;

    public async Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        if (args.Positionals.Count != 1) throw new UsageException(args.Positionals.Count == 0 ? "give the text to speak" : "give the text as one argument (quote it)");
        var text = args.Positionals[0];
        var output = args.Required("out", "(a WAV file to write, or - for raw PCM on stdout)");
        var modelDir = args.String("model-dir");
        var preset = args.String("model") ?? "F5TTS_v1_Base";
        bool random = args.Flag("random-weights");
        var refAudio = args.String("ref-audio");
        var refText = args.String("ref-text");
        var engineId = args.String("engine");
        var voiceId = args.String("voice");
        var device = args.String("device") ?? "auto";
        var request = new SpeechRequest(text, NfeStep: args.Int("nfe", 7, 1, 64), Seed: args.ULong("seed", 0), Speed: args.Double("speed", 1.0, 0.3, 3),
            Normalize: !args.Flag("no-normalize"));
        var language = args.String("language");
        args.Finish();

        bool wantsF5 = engineId is null or "f5";
        if (engineId is not null and not ("f5" or "espeak")) throw new UsageException($"--engine must be f5 or espeak (got '{engineId}')");
        if (wantsF5 && random && modelDir is not null) throw new UsageException("give one of --model-dir DIR or --random-weights, not both");
        if (refAudio is not null && modelDir is null && !random) throw new UsageException("--ref-audio needs --model-dir DIR or --random-weights");
        if (modelDir is null && !random && refAudio is null)
            return await SayConfiguredAsync(context, request, engineId, voiceId, output, cancel);
        if (refAudio is null != refText is null) throw new UsageException("--ref-audio and --ref-text go together");
        if (!wantsF5 && (refAudio is not null || modelDir is not null || random))
            throw new UsageException("--ref-audio, --model-dir and --random-weights are F5 options; espeak needs none");

        var log = new ProgressLine();
        var engines = new List<ISpeechEngine> { new EspeakEngine() };
        var catalog = new VoiceCatalog();
        F5Engine? f5 = null;
        if (wantsF5 && (modelDir is not null || random))
        {
            f5 = new F5Engine(() => LoadF5(modelDir, preset, random, device, log), Vocabulary.Default, null);
            engines.Add(f5);
            if (refAudio is not null) catalog.Load([new Voice("cli", "f5", LanguageOf(language), refAudio, refText)]).ThrowIfAny();
            else if (random) catalog.Load([new Voice("cli", "f5", "en-US", W1Reference(), W1Workload.ReferenceText)]).ThrowIfAny();
            else if (voiceId is null) throw new UsageException("--ref-audio and --ref-text are required with --model-dir");
            voiceId ??= "cli";
        }
        else voiceId ??= language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "espeak-zh" : "espeak-en";

        using var disposeF5 = f5;
        var synth = new Synthesizer(engines, catalog, new SynthesizerOptions(voiceId));
        if (f5 is not null && !f5.TryLoad()) throw new EngineException(f5.Status.Reason ?? "F5-TTS could not be loaded");
        return await WriteAsync(synth, request with { VoiceId = voiceId }, output, log, cancel);
    }

    /// <summary>With the configured voices and model (or espeak): `ishowtts say "hi" --voice streamer --out hi.wav`.</summary>
    private static async Task<int> SayConfiguredAsync(CliContext context, SpeechRequest request, string? engineId, string? voiceId, string output,
        CancellationToken cancel)
    {
        var (synth, f5) = IShowTts.Synthesis.Composition.ProductSynthesizer.Build(context.Config, context.Log.Line);
        using (f5)
        {
            var voice = synth.ResolveVoice(voiceId, engineId);
            if (voice.Engine == "f5" && !f5.TryLoad()) throw new EngineException($"F5-TTS is not ready: {f5.Status.Reason}");
            return await WriteAsync(synth, request with { VoiceId = voice.Id }, output, context.Log, cancel);
        }
    }

    private static async Task<int> WriteAsync(Synthesizer synth, SpeechRequest request, string output, ProgressLine log, CancellationToken cancel)
    {
        var progress = new InlineProgress<SpeakProgress>(p => log.Progress($"chunk {p.Chunk + 1}/{p.Chunks}: step {p.Step}/{p.Steps}"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long samples = 0;
        // A SpeechException (unknown voice, empty text…) is printed and mapped to exit 1 by CommandLine.
        if (output == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            await foreach (var chunk in synth.StreamAsync(request, cancel, progress))
            {
                await stdout.WriteAsync(Pcm16(chunk.Samples), cancel);
                samples += chunk.Samples.Length;
            }
        }
        else
        {
            var clip = await synth.SynthesizeAsync(request, cancel, progress);
            WavWriter.Write(output, clip.Samples, clip.SampleRate);
            samples = clip.Samples.Length;
        }
        double seconds = samples / 24000.0;
        log.Line($"wrote {(output == "-" ? "stdout" : output)}: {seconds:F2} s of audio in {clock.Elapsed.TotalSeconds:F1} s (RTF {clock.Elapsed.TotalSeconds / Math.Max(seconds, 1e-9):F3})");
        return 0;
    }

    private static F5Tts LoadF5(string? modelDir, string preset, bool random, string device, ProgressLine log)
    {
        var backend = BackendSelector.Create(device, log.Line);
        log.Line($"device: {backend.Device.Name} — {backend.Device.Details}");
        if (random)
        {
            log.Line("building F5TTS_v1_Base with seeded random weights (no download; the output is noise-like)");
            return F5Tts.Random(backend);
        }
        var files = ModelFiles.Resolve(modelDir!, preset);
        log.Line($"loading {files.Description}");
        return F5Tts.Load(files, backend, new InlineProgress<double>(p => log.Progress($"loading weights {Math.Floor(p * 10) * 10:F0}%")));
    }

    private static string LanguageOf(string? language) => language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "zh-CN" : "en-US";

    /// <summary>W1's synthetic reference as a WAV in the temp folder, so the random-weight model has a voice.</summary>
    private static string W1Reference()
    {
        var path = Path.Combine(Path.GetTempPath(), "ishowtts-w1-reference.wav");
        if (!File.Exists(path)) WavWriter.Write(path, W1Workload.ReferenceWave(), 24000);
        return path;
    }

    private static byte[] Pcm16(float[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), WavWriter.ToPcm16(samples[i]));
        return bytes;
    }
}

internal static class VoiceProblemsExtensions
{
    public static void ThrowIfAny(this IReadOnlyList<VoiceProblem> problems)
    {
        if (problems.Count > 0) throw new EngineException(string.Join("; ", problems.Select(p => p.Reason)));
    }
}
