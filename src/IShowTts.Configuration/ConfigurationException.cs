// Thrown when the configuration cannot be used; carries every problem found, not only the first.
// The command line maps it to exit code 2 (ExitCode) and prints Message, which lists them all.
namespace IShowTts.Configuration;

public sealed class ConfigurationException(IReadOnlyList<ConfigProblem> problems)
    : Exception(Describe(problems))
{
    /// <summary>The process exit code for an unusable configuration.</summary>
    public const int ExitCode = 2;

    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<ConfigProblem> problems)
    {
        var head = problems.Count == 1 ? "invalid configuration (1 problem):" : $"invalid configuration ({problems.Count} problems):";
        return head + string.Concat(problems.Select(p => "\n  " + p));
    }
}
