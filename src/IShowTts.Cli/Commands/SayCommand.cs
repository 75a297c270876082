// `ishowtts say`: one utterance to a WAV file, with a model directory or seeded random weights.
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Engine.Backends;
using IShowTts.Ops.Bench;
using IShowTts.Synthesis;
using IShowTts.Text;

namespace IShowTts.Cli.Commands;

public sealed class SayCommand : ICommand
{
    public string Name => "say";

    public string Summary => "speak a text into a WAV file";

    public string Usage => """
        usage: ishowtts say "text" --out out.wav (--model-dir DIR | --random-weights) [options]

          --ref-audio FILE   reference recording (WAV; any rate and channels)
          --ref-text TEXT    its transcript (required with --ref-audio)
          --model-dir DIR    model files: released names (model_*.safetensors, config.yaml +
                             pytorch_model.bin) or a golden set (<set>_meta.json …); see README
          --model NAME       preset for a released checkpoint: F5TTS_v1_Base (default) or F5TTS_Base
          --random-weights   F5TTS_v1_Base shapes with seeded random weights (no download; the
                             speech is noise, the timing is real); without --ref-audio it uses
                             workload W1's synthetic 10 s reference
          --out FILE         the WAV to write (24 kHz mono, 16-bit)
          --nfe N            sampling steps (default 7)
          --seed N           noise seed (default 0): same seed, same audio
          --speed X          speaking speed (default 1.0)
          --device D         cpu, cuda or auto (default auto)
          --language L       en or zh: how to read numbers in text without letters
          --no-normalize     read the text exactly as the official code does (2024 → 2 0 2 4)
        """;

    public Task<int> RunAsync(Arguments args, CancellationToken cancel)
    {
        if (args.Positionals.Count != 1) throw new UsageException(args.Positionals.Count == 0 ? "give the text to speak" : "give the text as one argument (quote it)");
        var text = args.Positionals[0];
        var output = args.Required("out", "(the WAV file to write)");
        var modelDir = args.String("model-dir");
        var preset = args.String("model") ?? "F5TTS_v1_Base";
        bool random = args.Flag("random-weights");
        var refAudio = args.String("ref-audio");
        var refText = args.String("ref-text");
        var options = new SpeakOptions(NfeStep: args.Int("nfe", 7, 1, 1000), Seed: args.ULong("seed", 0), Speed: args.Double("speed", 1.0, 0.1, 10),
            Normalize: !args.Flag("no-normalize"), Language: args.String("language"));
        var device = args.String("device") ?? "auto";
        args.Finish();
        if (random == (modelDir is not null)) throw new UsageException("give exactly one of --model-dir DIR or --random-weights");
        if (refAudio is null != refText is null) throw new UsageException("--ref-audio and --ref-text go together");
        if (refAudio is null && !random) throw new UsageException("--ref-audio and --ref-text are required with --model-dir");
        if (string.IsNullOrWhiteSpace(text)) throw new EngineException("the text is empty: nothing to say");

        var log = new ProgressLine();
        using var backend = BackendSelector.Create(device, log.Line);
        log.Line($"device: {backend.Device.Name} — {backend.Device.Details}");
        PreparedReference reference;
        if (refAudio is null)
        {
            reference = ReferencePreprocessor.Prepare(new AudioClip(W1Workload.ReferenceWave(), 24000, 1), "W1 synthetic reference");
            refText = W1Workload.ReferenceText;
        }
        else
        {
            reference = ReferencePreprocessor.Prepare(AudioDecoder.Decode(refAudio), refAudio);
            if (reference.Clipped) log.Line($"warning: {reference.ClipMessage}");
        }

        F5Tts engine;
        Vocabulary vocabulary = Vocabulary.Default;
        if (random)
        {
            log.Line("building F5TTS_v1_Base with seeded random weights (no download; the output is noise-like)");
            engine = F5Tts.Random(backend);
        }
        else
        {
            var files = ModelFiles.Resolve(modelDir!, preset);
            log.Line($"loading {files.Description}");
            engine = F5Tts.Load(files, backend, new InlineProgress<double>(p => log.Progress($"loading weights {Math.Floor(p * 10) * 10:F0}%")));
            if (files.VocabPath is not null) vocabulary = Vocabulary.Load(files.VocabPath);
        }
        using (engine)
        {
            var speaker = new F5Speaker(engine, vocabulary);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = speaker.Speak(reference, refText!, text, options,
                new InlineProgress<SpeakProgress>(p => log.Progress($"chunk {p.Chunk + 1}/{p.Chunks}: step {p.Step}/{p.Steps}")), cancel);
            if (result.UnknownTokens.Count > 0)
                log.Line($"warning: not in the vocabulary, read as id 0: {string.Join(" ", result.UnknownTokens.Select(t => $"'{t}'"))}");
            WavWriter.Write(output, result.Wave, result.SampleRate);
            double seconds = (double)result.Wave.Length / result.SampleRate;
            log.Line($"wrote {output}: {seconds:F2} s of audio in {clock.Elapsed.TotalSeconds:F1} s (RTF {clock.Elapsed.TotalSeconds / Math.Max(seconds, 1e-9):F3})");
        }
        return Task.FromResult(0);
    }
}
