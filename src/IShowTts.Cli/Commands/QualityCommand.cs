// `ishowtts quality`: NFE A/B listening tests. `generate` renders the corpus at two NFE values (and 32)
// with the same seeds and writes a blind session; listeners rate through the web page (the Quality API)
// or the session's CSV (`rate`); `report` turns the ratings into preference shares with 95 % intervals
// and a recommendation. The work is in IShowTts.Ops.Quality; this file parses and prints.
using System.Globalization;
using IShowTts.Engine;
using IShowTts.Engine.Backends;
using IShowTts.Ops.Bench;
using IShowTts.Ops.Files;
using IShowTts.Ops.Quality;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Cli.Commands;

public sealed class QualityCommand : ICommand
{
    public string Name => "quality";

    public string Summary => "NFE A/B listening tests: generate a blind session, rate, report";

    public string Usage => """
        usage: ishowtts quality generate --voice ID --nfe 6,7 [options]
               ishowtts quality list
               ishowtts quality rate SESSION --file RATINGS.csv [--listener NAME]
               ishowtts quality report SESSION [--json FILE]

          generate   renders every sentence (categories short, medium, long, emotion, tech, stream; English
                     and Chinese) at both NFE values and at NFE 32, same text and seed, and writes
                     <data_dir>/quality/<session>/: samples, blind/trial-NNN-a|b.wav in a random order,
                     manifest.json (which is which: keep it from listeners), ratings-template.csv.
                     Listen at http://127.0.0.1:27121/quality (`ishowtts serve`), or fill in the CSV.
            --voice ID         a configured voice (F5, or espeak-en for a dry run)
            --nfe A,B          the two NFE values to compare (default 6,7)
            --categories LIST  e.g. short,tech (default all)      --languages en,zh (default both)
            --seed N           synthesis seed of the first sentence (default 0)
            --order-seed N     seed of the blind order (default: drawn; kept in the manifest for an audit)
            --session ID       the session's folder name (default date-voice-nfeA-vs-B)
            --sessions DIR     where sessions live (default <data_dir>/quality, where the server looks)
            --model-dir DIR | --random-weights, with --ref-audio FILE --ref-text TEXT: a model and voice
                               of the command line instead of the configuration (voice id "cli")
            --device D         cpu, cuda or auto
          rate       stores the filled-in rows of a ratings CSV (trial,choice,score_a,score_b,listener,comment)
          report     preference for each NFE with 95 % Wilson intervals, mean scores, per category, the
                     objective measures (mel distance to NFE 32, duration, clipping, silence), and a verdict:
                     use_lower, keep_higher, inconclusive or not_enough_ratings (fewer than 20)
        """;

    public async Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        var sub = args.Positionals.FirstOrDefault() ?? throw new UsageException("give a subcommand: generate, list, rate or report");
        return sub switch
        {
            "generate" => await GenerateAsync(args, context, cancel),
            "list" => List(args, context),
            "rate" => Rate(args, context),
            "report" => Report(args, context),
            _ => throw new UsageException($"unknown quality subcommand '{sub}' (known: generate, list, rate, report)"),
        };
    }

    private static async Task<int> GenerateAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        var voiceId = args.String("voice");
        var nfe = OptionLists.Ints(args, "nfe", [6, 7], 1, 64);
        var categories = OptionLists.Words(args, "categories");
        var languages = OptionLists.Words(args, "languages");
        var seed = args.ULong("seed", 0);
        var orderSeed = args.String("order-seed") is null ? (int?)null : args.Int("order-seed", 0, 0, int.MaxValue);
        var session = args.String("session");
        var sessions = args.String("sessions");
        var modelDir = args.String("model-dir");
        bool random = args.Flag("random-weights");
        var refAudio = args.String("ref-audio");
        var refText = args.String("ref-text");
        var device = args.String("device") ?? "auto";
        args.Finish();
        if (nfe.Count != 2) throw new UsageException("--nfe takes exactly two values to compare, e.g. 6,7");
        if (random && modelDir is not null) throw new UsageException("give one of --model-dir DIR or --random-weights, not both");
        bool cliModel = random || modelDir is not null;
        if (cliModel && (refAudio is null || refText is null)) throw new UsageException("--model-dir/--random-weights need --ref-audio FILE and --ref-text TEXT");
        if (!cliModel && voiceId is null) throw new UsageException("--voice ID is required (a configured voice, or espeak-en for a dry run)");
        IReadOnlyList<QualitySentence> sentences;
        try { sentences = QualityCorpus.Select(categories, languages); }
        catch (IShowTts.Ops.OpsException e) { throw new UsageException(e.Message); }

        var log = context.Log;
        F5Engine? f5;
        Synthesizer synth;
        if (cliModel)
        {
            var source = new ModelSource(random, modelDir);
            f5 = new F5Engine(() => source.Load(BackendSelector.Create(device, log.Line), null), Vocabulary.Default, null);
            var catalog = new VoiceCatalog();
            var problems = catalog.Load([new Voice("cli", "f5", "en-US", refAudio, refText)]);
            if (problems.Count > 0) throw new EngineException(string.Join("; ", problems.Select(p => p.Reason)));
            synth = new Synthesizer(new ISpeechEngine[] { f5, new EspeakEngine() }, catalog, new SynthesizerOptions("cli"));
            voiceId ??= "cli";
        }
        else (synth, f5) = IShowTts.Synthesis.Composition.ProductSynthesizer.Build(context.Config, log.Line);
        using (f5)
        {
            var voice = synth.ResolveVoice(voiceId, null);
            if (voice.Engine == "f5" && !f5!.TryLoad()) throw new EngineException($"F5-TTS is not ready: {f5.Status.Reason}");
            var root = sessions ?? QualitySessionStore.DefaultRoot(context.Config.Paths.DataDirectory);
            var plan = new QualityPlan(voice.Id, nfe, sentences, seed, orderSeed, session);
            var manifest = await QualitySessionGenerator.GenerateAsync(synth, plan, root,
                new InlineProgress<QualityProgress>(p => log.Progress(ProgressBar.Render((double)p.Done / p.Total, p.Label, null))), cancel);
            log.Line("done");
            var dir = Path.Combine(root, manifest.Id);
            Console.Out.WriteLine($"session {manifest.Id}: {manifest.Trials.Count} trials, NFE {manifest.LowerNfe} vs {manifest.HigherNfe} ({voice.Id}, {voice.Engine})");
            Console.Out.WriteLine($"  folder     {dir}");
            Console.Out.WriteLine($"  listen     http://127.0.0.1:27121/quality?session={manifest.Id}  (with `ishowtts serve`), or blind/*.wav");
            Console.Out.WriteLine($"  by file    {Path.Combine(dir, QualitySessionStore.TemplateFile)} → ishowtts quality rate {manifest.Id} --file …");
            Console.Out.WriteLine($"  report     ishowtts quality report {manifest.Id}");
            if (voice.Engine != "f5") Console.Out.WriteLine("  note: this voice's engine ignores NFE: a dry run of the plumbing, not a quality comparison");
            return 0;
        }
    }

    private static int List(Arguments args, CliContext context)
    {
        var sessions = args.String("sessions");
        args.Finish();
        var store = new QualitySessionStore(sessions ?? QualitySessionStore.DefaultRoot(context.Config.Paths.DataDirectory));
        var all = store.List();
        if (all.Count == 0) Console.Out.WriteLine($"no sessions in {store.Root} (make one with `ishowtts quality generate`)");
        foreach (var m in all)
        {
            var ratings = store.Ratings(m.Id);
            Console.Out.WriteLine($"{m.Id,-44} {m.CreatedAt:yyyy-MM-dd HH:mm}  NFE {m.LowerNfe} vs {m.HigherNfe}  {m.Trials.Count,3} trials  " +
                                  $"{ratings.Count,4} ratings from {ratings.Select(r => r.Listener).Distinct().Count()} listeners");
        }
        return 0;
    }

    private static int Rate(Arguments args, CliContext context)
    {
        var (store, manifest) = Open(args, context);
        var file = args.Required("file", "(the filled-in ratings CSV)");
        var listener = args.String("listener");
        args.Finish();
        var ratings = RatingsCsv.Parse(file, manifest, listener, DateTimeOffset.UtcNow);
        int total = store.Save(manifest, ratings);
        Console.Out.WriteLine($"stored {ratings.Count} ratings from {file}; the session has {total}");
        return 0;
    }

    private static int Report(Arguments args, CliContext context)
    {
        var (store, manifest) = Open(args, context);
        var json = args.String("json");
        args.Finish();
        var r = QualityReportBuilder.Build(manifest, store.Ratings(manifest.Id));
        var o = Console.Out;
        o.WriteLine($"session {r.SessionId}: NFE {r.LowerNfe} vs NFE {r.HigherNfe}, {r.Ratings} ratings from {r.Listeners} listeners");
        o.WriteLine($"  prefer NFE {r.LowerNfe,-3} {Share(r.PreferLower)}");
        o.WriteLine($"  prefer NFE {r.HigherNfe,-3} {Share(r.PreferHigher)}");
        o.WriteLine($"  no difference {Share(r.Same)}");
        o.WriteLine($"  NFE {r.HigherNfe} among decided {Share(r.HigherAmongDecided)}");
        if (r.MeanScoreLower is not null || r.MeanScoreHigher is not null)
            o.WriteLine($"  mean score  NFE {r.LowerNfe}: {r.MeanScoreLower?.ToString("F2", CultureInfo.InvariantCulture) ?? "–"}   NFE {r.HigherNfe}: {r.MeanScoreHigher?.ToString("F2", CultureInfo.InvariantCulture) ?? "–"}");
        foreach (var c in r.ByCategory)
            o.WriteLine($"  {c.Category,-8} {c.Ratings,3} ratings: NFE {r.LowerNfe} {c.PreferLower}, NFE {r.HigherNfe} {c.PreferHigher}, same {c.Same}");
        o.WriteLine("  objective (means over the sentences):");
        foreach (var x in r.Objective)
            o.WriteLine($"    NFE {x.Nfe,-3} mel distance to NFE 32 {x.MeanMelDistance,6:F3}   duration {x.MeanDurationSeconds,5:F2} s   clipping {x.MeanClippingRatio * 100,5:F2} %   silence {x.MeanSilenceRatio * 100,5:F1} %");
        o.WriteLine($"verdict: {r.Verdict}. {r.Recommendation}");
        if (json is not null) OpsJson.Write(json, r);
        return 0;
    }

    private static (QualitySessionStore, QualityManifest) Open(Arguments args, CliContext context)
    {
        if (args.Positionals.Count != 2) throw new UsageException("give the session id (see `ishowtts quality list`) or its folder");
        var given = args.Positionals[1];
        var sessions = args.String("sessions");
        // A folder path works too: its parent is the store.
        if (Directory.Exists(given) && File.Exists(Path.Combine(given, QualitySessionStore.ManifestFile)))
        {
            var full = Path.GetFullPath(given).TrimEnd(Path.DirectorySeparatorChar);
            var folderStore = new QualitySessionStore(Path.GetDirectoryName(full)!);
            return (folderStore, folderStore.Open(Path.GetFileName(full)));
        }
        var store = new QualitySessionStore(sessions ?? QualitySessionStore.DefaultRoot(context.Config.Paths.DataDirectory));
        return (store, store.TryOpen(given) ?? throw new IShowTts.Ops.OpsException($"no quality session '{given}' in {store.Root} (see `ishowtts quality list`)"));
    }

    private static string Share(IShowTts.Ops.Statistics.ProportionInterval p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Count,4} of {p.Total,-4} {p.Share * 100,5:F1} %  (95 % interval {p.Low * 100:F1}–{p.High * 100:F1} %)");
}
