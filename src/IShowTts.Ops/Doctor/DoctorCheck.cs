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

/// <summary>
/// Every finding, and the exit code an operator's cron acts on. A warning (works, but slower or less safe:
/// model not downloaded yet, persistence mode off) is printed with its fix but does not fail the command, so
/// `ishowtts doctor &amp;&amp; ishowtts bench …` runs on a machine that works; a problem (something the product
/// needs is broken: invalid configuration, port taken, unreadable voice, changed model file) fails it.
/// Exit codes: 0 no problems; 5 at least one problem; with strict, 4 when there are warnings and no problem.
/// (1 = doctor could not run and 2 = usage are the CLI's, as for every command.)
/// </summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheck> Checks)
{
    public const int StrictWarningsExitCode = 4;
    public const int ProblemsExitCode = 5;

    public int Problems => Checks.Count(c => c.Status == CheckStatus.Failed);

    public int Warnings => Checks.Count(c => c.Status == CheckStatus.Warning);

    public int Skipped => Checks.Count(c => c.Status == CheckStatus.Skipped);

    public int ExitCode(bool strict = false) =>
        Problems > 0 ? ProblemsExitCode : strict && Warnings > 0 ? StrictWarningsExitCode : 0;
}
