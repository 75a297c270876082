// Dispatch, usage and the error policy: a wrong command line prints usage and exits 2; a request the
// product cannot serve (bad file, unknown voice, empty text…) prints its message and exits 1; nothing
// prints a stack trace unless ISHOWTTS_DEBUG=1.
using IShowTts.Audio;
using IShowTts.Engine;

namespace IShowTts.Cli;

public static class CommandLine
{
    public const int UsageExitCode = 2;

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal)
    {
        "random-weights", "help", "quiet", "no-normalize",
        "ttfa", "no-diagnostics", "no-history", "no-checksums", "no-cuda", "strict",
    };

    public static async Task<int> RunAsync(string[] args, IReadOnlyList<ICommand> commands)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.WriteLine(Overview(commands));
            return args.Length == 0 ? UsageExitCode : 0;
        }
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"ishowtts: unknown command '{args[0]}'\n\n{Overview(commands)}");
            return UsageExitCode;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            var split = IShowTts.Configuration.ConfigurationArguments.Parse(args.Skip(1).ToArray());
            var context = new CliContext(split.ConfigPath, split.Overrides);
            var parsed = new Arguments(split.Remaining, Flags);
            if (parsed.Flag("help"))
            {
                Console.Out.WriteLine(command.Usage);
                return 0;
            }
            return await command.RunAsync(parsed, context, cancel.Token);
        }
        catch (IShowTts.Configuration.ConfigurationException e)
        {
            Console.Error.WriteLine($"ishowtts {command.Name}: the configuration is not valid:\n{e.Message}");
            return UsageExitCode;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"ishowtts {command.Name}: {e.Message}\n\n{command.Usage}");
            return UsageExitCode;
        }
        catch (Exception e) when (e is EngineException or IShowTts.Ops.OpsException or IShowTts.Synthesis.SpeechException or AudioFormatException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            Console.Error.WriteLine($"ishowtts {command.Name}: {(e is OperationCanceledException ? "cancelled" : e.Message)}");
            if (Environment.GetEnvironmentVariable("ISHOWTTS_DEBUG") == "1") Console.Error.WriteLine(e);
            return 1;
        }
    }

    private static string Overview(IReadOnlyList<ICommand> commands) =>
        "usage: ishowtts <command> [options] [--config FILE] [--set section.key=value …]\n" +
        "       (ishowtts <command> --help for its options; docs/configuration.md for the keys)\n\ncommands:\n" +
        string.Join("\n", commands.Select(c => $"  {c.Name,-8} {c.Summary}"));
}
