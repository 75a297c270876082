// `ishowtts profile`: where one request's time goes — per phase (mel, steps, vocoder) with its share,
// and per op (GPU: per kernel launcher) with calls, time, share, FLOP/s and bytes/s against the device's
// measured GEMM and copy ceilings. The work is in IShowTts.Ops.Profile; this file parses and prints.
using System.Globalization;
using IShowTts.Engine.Backends;
using IShowTts.Ops.Bench;
using IShowTts.Ops.Files;
using IShowTts.Ops.Profile;
using IShowTts.Text;

namespace IShowTts.Cli.Commands;

public sealed class ProfileCommand : ICommand
{
    public string Name => "profile";

    public string Summary => "per-phase and per-op time of one W1 request, against the device's measured ceilings";

    public string Usage => """
        usage: ishowtts profile [--random-weights | --model-dir DIR] [--device cpu|cuda|auto] [--nfe 7] [--json FILE]

          One warm-up request, one timed request (the phase times), then the same request phase by phase
          with every op synchronised and timed (what the op table shows; the sum is a little slower than
          the real request, and on the GPU the sampling loop runs eagerly, not as its CUDA graph, so every
          DiT op is seen). Then the device's ceilings: a large GEMM in each element type the model uses
          (FLOP/s; an op is compared with the ceiling of its own type: fp16 DiT, fp32 mel and Vocos) and a
          large copy (bytes/s). Bytes per op are the least each op must move (inputs read and outputs
          written once), so bytes/s is a lower bound. On 2 CPU cores this takes minutes.

          --json FILE   also write the report as JSON

          Exit codes: 0 done, 1 could not run, 2 usage.
        """;

    public Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        bool random = args.Flag("random-weights");
        var modelDir = args.String("model-dir");
        var preset = args.String("model") ?? "F5TTS_v1_Base";
        var device = args.String("device") ?? "auto";
        int nfe = args.Int("nfe", 7, 1, 64);
        var json = args.String("json");
        args.Finish();
        if (random && modelDir is not null) throw new UsageException("give one of --model-dir DIR or --random-weights, not both");

        var log = context.Log;
        var (profiler, counter) = RequestProfiler.Stack(BackendSelector.Create(device, log.Line));
        var source = new ModelSource(random, modelDir, preset);
        using var engine = source.Load(profiler, random || modelDir is not null ? null : context.Config);
        var report = RequestProfiler.Run(engine, profiler, counter, Vocabulary.Default, nfe, log.Line, cancel);
        Print(report);
        if (json is not null)
        {
            OpsJson.Write(json, report);
            log.Line($"wrote {json}");
        }
        return Task.FromResult(0);
    }

    private static void Print(ProfileReport r)
    {
        var o = Console.Out;
        var c = r.Ceilings;
        o.WriteLine($"{r.Workload} at NFE {r.Nfe} on {r.Device}: {Ms(r.RequestSeconds)} per request, {r.GeneratedSeconds:F2} s of speech (RTF {r.RequestSeconds / r.GeneratedSeconds:F4})");
        o.WriteLine("ceilings measured here: " + string.Join(", ", c.Gemm.Select(g => $"GEMM {g.DType} {g.M}×{g.I}×{g.O} {Rate(g.FlopsPerSecond, "FLOP/s")}")) +
                    $", copy {Rate(c.BytesPerSecond, "B/s")}");
        o.WriteLine("(FLOP/s is compared with the GEMM ceiling of the op's element type; bytes/s with the copy)");
        o.WriteLine();
        o.WriteLine($"{"phase",-9} {"time",10} {"share",7} {"profiled",10} {"FLOP/s",12} {"of peak",7} {"bytes/s",12} {"of peak",7}");
        foreach (var p in r.Phases)
            o.WriteLine($"{p.Phase,-9} {Ms(p.Seconds),10} {p.ShareOfRequest * 100,6:F1}% {Ms(p.ProfiledSeconds),10} {(p.Flops > 0 ? Rate(p.FlopsPerSecond, "") : "–"),12} " +
                        $"{(p.Flops > 0 ? Pct(r.ShareOfGemmCeiling(p.FlopsPerSecond, p.DType)) : ""),7} {Rate(p.BytesPerSecond, ""),12} {Pct(r.ShareOfCopyCeiling(p.BytesPerSecond)),7}");
        foreach (var p in r.Phases)
        {
            o.WriteLine();
            o.WriteLine($"{p.Phase}: per op (profiled, {Ms(p.ProfiledSeconds)}; the ops add up to {Ms(p.OpSeconds)})");
            o.WriteLine($"  {"op",-20} {"type",5} {"calls",6} {"time",10} {"share",7} {"FLOP/s",12} {"of peak",7} {"bytes/s",12} {"of peak",7}");
            foreach (var op in p.Ops)
                o.WriteLine($"  {op.Op,-20} {op.DType ?? "",5} {op.Calls,6} {Ms(op.Seconds),10} {op.ShareOfPhase * 100,6:F1}% {(op.Flops > 0 ? Rate(op.FlopsPerSecond, "") : "–"),12} " +
                            $"{(op.Flops > 0 ? Pct(r.ShareOfGemmCeiling(op.FlopsPerSecond, op.DType)) : ""),7} {Rate(op.BytesPerSecond, ""),12} {Pct(r.ShareOfCopyCeiling(op.BytesPerSecond)),7}");
        }
    }

    /// <summary>A share as a percentage: one decimal below 10 % (so 0.4 % does not read as 0 %), none above.</summary>
    internal static string Pct(double share) =>
        share <= 0 ? "0 %" : (share * 100).ToString(share < 0.1 ? "F1" : "F0", CultureInfo.InvariantCulture) + " %";

    private static string Ms(double s) => s >= 1 ? s.ToString("F2", CultureInfo.InvariantCulture) + " s" : (s * 1000).ToString("F2", CultureInfo.InvariantCulture) + " ms";

    private static string Rate(double v, string unit) =>
        (v >= 1e12 ? (v / 1e12).ToString("F1", CultureInfo.InvariantCulture) + " T" : v >= 1e9 ? (v / 1e9).ToString("F1", CultureInfo.InvariantCulture) + " G"
            : (v / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M") + unit;
}
