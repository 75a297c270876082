// The bench's figures for one NFE: every timed run (whole request and per phase), what it made, time
// to first audio when streaming, peak memory, and the profiled extras (ops, GEMM rates). Statistics
// are computed from the runs, so a stored result can always be re-summarised.
using System.Text.Json.Serialization;
using IShowTts.Ops.Statistics;

namespace IShowTts.Ops.Bench;

/// <param name="Seconds">each timed run, whole request (reference waveform + ids → waveform on the host).</param>
/// <param name="Phases">per phase ("mel", "prepare", "steps", "vocoder"), seconds of each timed run.</param>
/// <param name="GeneratedSeconds">seconds of speech one request makes.</param>
/// <param name="FirstAudioSeconds">time to the first streamed chunk, when measured.</param>
/// <param name="PeakMemoryBytes">GPU: the engine's peak device allocation; CPU: the process's peak resident memory.</param>
public sealed record BenchNfeResult(
    int Nfe, double GeneratedSeconds, IReadOnlyList<double> Seconds, IReadOnlyDictionary<string, IReadOnlyList<double>> Phases,
    double? FirstAudioSeconds, long PeakMemoryBytes, string PeakMemoryKind, BenchDiagnostics? Diagnostics = null)
{
    [JsonIgnore] public RunStatistics Stats => RunStatistics.Of(Seconds);

    public double Mean => Stats.Mean;
    public double Median => Stats.Median;
    public double Best => Stats.Best;
    public double Worst => Stats.Worst;

    /// <summary>Standard deviation over the mean of the whole-request times.</summary>
    public double Spread => Stats.Spread;

    /// <summary>Real-time factor of the mean run: seconds of compute per second of speech (lower is faster).</summary>
    public double Rtf => Mean / GeneratedSeconds;

    public double MedianRtf => Median / GeneratedSeconds;

    public double BestRtf => Best / GeneratedSeconds;

    /// <summary>How many times faster than real time (1 / RTF).</summary>
    public double SpeedUp => GeneratedSeconds / Mean;

    public RunStatistics PhaseStats(string phase) => RunStatistics.Of(Phases[phase]);

    /// <summary>
    /// Median over the runs of the request time no phase accounts for (whole run − its phases): the bench's
    /// own overhead inside the timed region plus the engine's host work between phases; a few microseconds
    /// when the bench is right.
    /// </summary>
    public double OutsidePhasesSeconds()
    {
        var outside = Seconds.Select((total, r) => total - Phases.Values.Sum(p => r < p.Count ? p[r] : 0)).ToList();
        return outside.Count == 0 ? 0 : RunStatistics.Of(outside).Median;
    }
}

/// <summary>Profiled extras: where the op time went and how fast the linear layers ran.</summary>
/// <param name="LinearRate">FLOP/s of the model's linear layers in the profiled runs.</param>
/// <param name="GemmAloneRate">FLOP/s of the backend's plain GEMM on the same shapes outside the model.</param>
/// <param name="AllocatedBytesPerStep">managed bytes allocated per sampling step (from an unprofiled eager run when there was one), −1 when not measured (only replayed graphs, or NFE 1).</param>
public sealed record BenchDiagnostics(double LinearRate, double GemmAloneRate, double LinearShare, long AllocatedBytesPerStep, IReadOnlyList<OpTime> Ops);

public sealed record OpTime(string Op, long Calls, double Seconds, double FlopsPerSecond);
