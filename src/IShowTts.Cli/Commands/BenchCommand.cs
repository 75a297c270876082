// `ishowtts bench`: the daily speed check. Times workload W1 (or a configured voice) at each NFE, prints
// mean / median / best / spread / RTF / speed-up / first audio / peak memory, checks an RTF target,
// stores the result with the machine's facts (--json, appended to the history) and compares it with a
// baseline (--compare; exit 3 on a regression). `bench history` prints the trend and draws it as SVG.
// The work is in IShowTts.Ops; this file parses and prints.
using System.Globalization;
using IShowTts.Engine.Backends;
using IShowTts.Engine.Tensors;
using IShowTts.Ops;
using IShowTts.Ops.Bench;
using IShowTts.Ops.Files;
using IShowTts.Ops.History;
using IShowTts.Ops.Machine;
using IShowTts.Ops.Regression;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Cli.Commands;

public sealed class BenchCommand : ICommand
{
    public const int RegressionExitCode = 3;
    public const int TargetMissedExitCode = 4;

    public string Name => "bench";

    public string Summary => "time synthesis (W1 or a voice) per NFE; --json stores it, --compare flags regressions; `bench history`";

    public string Usage => """
        usage: ishowtts bench [--random-weights | --model-dir DIR] [options]
               ishowtts bench --compare BASELINE.json --current RESULT.json [--threshold 10]
               ishowtts bench history [--history FILE] [--svg FILE] [--nfe N] [--last N]

          Times workload W1 (shared/docs/gpu.md: 10 s synthetic reference, 269 ids, 4.15 s of speech,
          CFG 2, sway −1) from the reference waveform to the waveform in host memory; with --voice ID a
          configured F5 voice speaking a fixed sentence through the product path instead.

          --random-weights     F5TTS_v1_Base shapes with seeded random weights (no download)
          --model-dir DIR      a model folder (released names or a golden set); default: the configured model
          --model NAME         F5TTS_v1_Base (default) or F5TTS_Base, for --model-dir
          --voice ID           a configured F5 voice instead of W1's synthetic reference
          --device D           cpu, cuda or auto (default auto)
          --nfe LIST           NFE values, e.g. 7 or 6,7,32 (default 7)
          --runs N             timed runs per NFE (default 3; the daily check uses 10)
          --warmup N           untimed runs per NFE first (default 1; use 3 on a GPU: graphs, GEMM plans)
          --ttfa               also measure time to first audio, streamed (two-sentence request)
          --no-diagnostics     skip the op profile (CPU: of the timed runs; GPU: one extra untimed run
                               with every op synchronised) and the GEMM-alone timing
          --target-rtf X       pass when every NFE's mean RTF ≤ X; exit 4 when one misses
          --json FILE          write the result (with machine facts, build commit) to FILE and append it
                               to the history
          --history FILE       history file (default <data_dir>/bench/history.jsonl); --no-history skips it
          --compare FILE       compare with a baseline result (an earlier --json FILE): exit 3 when an NFE
                               or phase is slower beyond --threshold PERCENT (default 10) and beyond the
                               run-to-run spread both measured; another workload, or no NFE in common, is
                               an error (exit 1)
          --current FILE       with --compare: compare two stored results, run nothing

          history: the table of the last --last N benches (default 30), oldest first, with the trend per
          series (workload, NFE, device); --svg FILE draws it (median per request over time).

          Exit codes: 0 done (and passed, no regression), 1 could not run (or not comparable), 2 usage,
          3 regression, 4 target missed (3 wins when both).
        """;

    public Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        if (args.Positionals.Count > 0 && args.Positionals[0] == "history") return Task.FromResult(History(args, context));
        if (args.Positionals.Count > 0) throw new UsageException($"unknown bench subcommand '{args.Positionals[0]}' (known: history)");
        bool random = args.Flag("random-weights");
        var modelDir = args.String("model-dir");
        var preset = args.String("model") ?? "F5TTS_v1_Base";
        var voiceId = args.String("voice");
        var device = args.String("device") ?? "auto";
        var nfes = OptionLists.Ints(args, "nfe", [7], 1, 64);
        int runs = args.Int("runs", 3, 1, 1000), warmups = args.Int("warmup", 1, 0, 100);
        bool ttfa = args.Flag("ttfa"), diagnostics = !args.Flag("no-diagnostics");
        double? target = args.String("target-rtf") is null ? null : args.Double("target-rtf", 0, 1e-6, 1e6);
        var json = args.String("json");
        var historyPath = args.String("history");
        bool noHistory = args.Flag("no-history");
        var compare = args.String("compare");
        var current = args.String("current");
        double threshold = args.Double("threshold", RegressionDetector.DefaultThreshold * 100, 0, 1000) / 100;
        args.Finish();

        if (current is not null)
        {
            if (compare is null) throw new UsageException("--current needs --compare BASELINE.json");
            return Task.FromResult(Compare(BenchHistory.ReadRecord(compare), BenchHistory.ReadRecord(current), threshold));
        }
        if (random && modelDir is not null) throw new UsageException("give one of --model-dir DIR or --random-weights, not both");
        var baseline = compare is null ? null : BenchHistory.ReadRecord(compare); // read first: a bad baseline fails before minutes of work
        if (baseline is not null)
        {
            var workload = voiceId is null ? "W1" : $"voice:{voiceId}";
            if (baseline.Workload != workload)
                throw new OpsException($"{compare} times workload {baseline.Workload}, this bench {workload}: not comparable");
            if (!baseline.Results.Any(r => nfes.Contains(r.Nfe)))
                throw new OpsException($"{compare} has NFE {string.Join(",", baseline.Results.Select(r => r.Nfe))}, this bench NFE {string.Join(",", nfes)}: nothing to compare");
        }

        var log = context.Log;
        var config = random && voiceId is null ? null : context.Config;
        var source = new ModelSource(random, modelDir, preset);
        var profiler = new ProfilingBackend(BackendSelector.Create(device, log.Line));
        log.Line($"device: {profiler.Device.Name} ({profiler.Device.Details})");
        using var engine = source.Load(profiler, config, new InlineProgress<double>(p => log.Progress(ProgressBar.Render(p, "loading weights", null))));
        IBenchTarget target_ = voiceId is null ? new W1Target(engine, Vocabulary.Default) : new VoiceTarget(engine, Vocabulary.Default, ConfiguredVoice(config!, voiceId));
        log.Line($"{target_.Workload} with {source.Describe(config)} weights, NFE {string.Join(",", nfes)}: {warmups} warm-up + {runs} runs each");
        var options = new BenchOptions(nfes, warmups, runs, 0, ttfa, diagnostics);
        var results = EngineBench.Run(target_, profiler, options,
            new InlineProgress<BenchProgress>(p => log.Progress(ProgressBar.Render(p.Fraction, p.Label, p.SecondsLeft))), cancel);
        log.Line("done");
        var record = new BenchRecord(BenchRecord.CurrentSchema, DateTimeOffset.UtcNow, target_.Workload, source.Describe(config),
            profiler.Device.Kind.ToString().ToLowerInvariant(), profiler.Device.Name, profiler.Device.Details, warmups, target, MachineFacts.Collect(), results);
        Print(record);
        if (json is not null)
        {
            OpsJson.Write(json, record);
            log.Line($"wrote {json}");
            if (!noHistory)
            {
                var path = historyPath ?? BenchHistory.DefaultPath(context.Config.Paths.DataDirectory);
                BenchHistory.Append(path, record);
                log.Line($"appended to {path}");
            }
        }
        int exit = 0;
        if (target is { } t)
        {
            Console.Out.WriteLine(record.Passed ? $"PASS: mean RTF ≤ {t} at every NFE" : $"FAIL: mean RTF above {t} at NFE " +
                string.Join(", ", results.Where(r => r.Rtf > t).Select(r => r.Nfe)));
            if (!record.Passed) exit = TargetMissedExitCode;
        }
        if (baseline is not null && Compare(baseline, record, threshold) == RegressionExitCode) exit = RegressionExitCode;
        return Task.FromResult(exit);
    }

    private static Voice ConfiguredVoice(IShowTts.Configuration.IShowTtsConfig config, string id)
    {
        var v = config.F5.Voices.FirstOrDefault(x => x.Id == id)
            ?? throw new UsageException($"--voice: no F5 voice '{id}' in the configuration (known: {string.Join(", ", config.F5.Voices.Select(x => x.Id))})");
        return new Voice(v.Id, "f5", v.Language, v.ReferenceAudio, v.ReferenceText);
    }

    private static void Print(BenchRecord r)
    {
        var o = Console.Out;
        o.WriteLine($"{r.Workload} ({r.Weights} weights) on {r.DeviceName}; build {Short(r.Machine.Commit)}");
        o.WriteLine($"  {"NFE",-4} {"runs",4} {"mean",10} {"median",10} {"best",10} {"spread",8} {"RTF",8} {"speed-up",9} {"1st audio",10} {"peak mem",10}");
        foreach (var x in r.Results)
            o.WriteLine($"  {x.Nfe,-4} {x.Seconds.Count,4} {Sec(x.Mean),10} {Sec(x.Median),10} {Sec(x.Best),10} {"±" + (x.Spread * 100).ToString("F1", CultureInfo.InvariantCulture) + " %",8} " +
                        $"{x.Rtf,8:F4} {x.SpeedUp,8:F1}× {(x.FirstAudioSeconds is { } f ? Sec(f) : "–"),10} {x.PeakMemoryBytes / (1024.0 * 1024),6:F0} MiB");
        foreach (var x in r.Results)
        {
            o.WriteLine($"  NFE {x.Nfe} phases (median): " + string.Join("   ", x.Phases.Select(p => $"{p.Key} {Sec(x.PhaseStats(p.Key).Median)}")) +
                        $"   outside them {Sec(x.OutsidePhasesSeconds())}   ({x.GeneratedSeconds:F2} s of speech; peak memory: {x.PeakMemoryKind.Replace('_', ' ')})");
            if (x.Diagnostics is { } d) PrintDiagnostics(d, r.DeviceKind == "cpu");
        }
    }

    private static void PrintDiagnostics(BenchDiagnostics d, bool cpu)
    {
        var o = Console.Out;
        o.WriteLine(cpu
            ? $"    linear layers {d.LinearRate / 1e9:F1} GFLOP/s in the model vs {d.GemmAloneRate / 1e9:F1} GFLOP/s for the same GEMMs alone " +
              $"({(d.GemmAloneRate > 0 ? d.LinearRate / d.GemmAloneRate * 100 : 0):F0} %); {d.LinearShare * 100:F0} % of op time"
            : $"    same GEMMs alone {d.GemmAloneRate / 1e12:F0} TFLOP/s (in-model rate: see `ishowtts profile`)");
        o.WriteLine($"    allocations: {(d.AllocatedBytesPerStep < 0 ? "n/a (no eager run of two steps or more)" : $"{d.AllocatedBytesPerStep / 1024.0:F1} KiB managed per sampling step")}");
        o.WriteLine($"    ops ({(cpu ? "the timed runs" : "one untimed eager run after the warm-ups, each op synchronised")}): " +
                    string.Join(", ", d.Ops.Take(6).Select(op => $"{op.Op} {op.Seconds:F3} s")));
    }

    private static int Compare(BenchRecord baseline, BenchRecord current, double threshold)
    {
        var report = RegressionDetector.Compare(baseline, current, threshold);
        var o = Console.Out;
        o.WriteLine($"compared with the baseline of {baseline.Timestamp:yyyy-MM-dd HH:mm} (threshold {threshold * 100:F0} %, or the measured spread if larger):");
        foreach (var n in report.Notes) o.WriteLine($"  note: {n}");
        o.WriteLine($"  {"NFE",-4} {"figure",-8} {"baseline",10} {"now",10} {"change",8} {"allowed",8}  verdict");
        foreach (var f in report.Findings)
            o.WriteLine($"  {f.Nfe,-4} {f.Figure,-8} {Sec(f.BaselineSeconds),10} {Sec(f.CurrentSeconds),10} {f.Change * 100,7:+0.0;-0.0} % {f.Allowed * 100,6:F1} %  " +
                        f.Verdict switch { RegressionVerdict.Slower => "REGRESSION", RegressionVerdict.Faster => "faster", _ => "same" });
        o.WriteLine(report.Regressed ? "REGRESSION: slower than the baseline beyond the threshold and the spread (exit 3)" : "no regression");
        return report.Regressed ? RegressionExitCode : 0;
    }

    private static int History(Arguments args, CliContext context)
    {
        if (args.Positionals.Count > 1) throw new UsageException("bench history takes no further words");
        var path = args.String("history");
        var svg = args.String("svg");
        int? nfe = args.String("nfe") is null ? null : args.Int("nfe", 7, 1, 64);
        int last = args.Int("last", 30, 1, 100_000);
        args.Finish();
        path ??= BenchHistory.DefaultPath(context.Config.Paths.DataDirectory);
        var (records, skipped) = BenchHistory.Read(path);
        foreach (var s in skipped) context.Log.Line($"skipped {s}");
        var rows = HistoryRow.From(records.TakeLast(last), nfe);
        var o = Console.Out;
        o.WriteLine($"{"when (UTC)",-17} {"build",-10} {"NFE",4} {"median",10} {"RTF",8} {"spread",8} {"target",6}  workload on device");
        foreach (var r in rows)
            o.WriteLine($"{r.Timestamp.UtcDateTime,-17:yyyy-MM-dd HH:mm} {r.Commit,-10} {r.Nfe,4} {Sec(r.Median),10} {r.Rtf,8:F4} {"±" + (r.Spread * 100).ToString("F1", CultureInfo.InvariantCulture) + " %",8} " +
                        $"{(r.Passed is null ? "–" : r.Passed.Value ? "pass" : "FAIL"),6}  {r.Workload} on {r.Device}");
        foreach (var series in rows.GroupBy(r => r.Series).Where(g => g.Count() > 1))
        {
            double first = series.First().Median, latest = series.Last().Median;
            o.WriteLine($"trend {series.Key}: {Sec(first)} → {Sec(latest)} ({(latest / first - 1) * 100:+0.0;-0.0} %) over {series.Count()} benches");
        }
        if (svg is not null)
        {
            AtomicFile.WriteAllText(svg, HistoryChart.Render(rows));
            context.Log.Line($"wrote {svg}");
        }
        return 0;
    }

    private static string Sec(double s) =>
        s >= 1 ? s.ToString("F3", CultureInfo.InvariantCulture) + " s" : (s * 1000).ToString(s >= 0.01 ? "F1" : "F2", CultureInfo.InvariantCulture) + " ms";

    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;
}
