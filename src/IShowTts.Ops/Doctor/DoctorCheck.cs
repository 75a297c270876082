namespace IShowTts.Ops.Doctor;

public enum CheckStatus
{
    Ok,
    /// <summary>Works, but slower or less safe than it could be; Fix says what to run.</summary>
    Warning,
    /// <summary>Broken: something the product needs is missing or wrong.</summary>
    Failed,
    /// <summary>Does not apply here (no GPU, not a Jetson); Detail says why.</summary>
    Skipped,
}

/// <summary>One finding: the area ("gpu", "model"…), what was checked, the outcome, what was seen, and what the operator should run.</summary>
public sealed record DoctorCheck(string Area, string Name, CheckStatus Status, string Detail, string? Fix = null);

/// <summary>Every finding; the exit code is 0 when all are fine, 4 with warnings only, 5 with a failure.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheck> Checks)
{
    public const int WarningsExitCode = 4;
    public const int FailuresExitCode = 5;

    public int ExitCode => Checks.Any(c => c.Status == CheckStatus.Failed) ? FailuresExitCode
        : Checks.Any(c => c.Status == CheckStatus.Warning) ? WarningsExitCode : 0;
}
