namespace IShowTts.Ops.Bench;

/// <summary>Where a bench stands: the share of all planned sampling steps done, what runs now, and an estimate of what is left.</summary>
public readonly record struct BenchProgress(double Fraction, string Label, double? SecondsLeft);
