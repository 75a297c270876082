// Picks the configuration options out of a command line: `--config PATH` (or --config=PATH) and any
// number of `--set KEY=VALUE` (or --set=KEY=VALUE); the rest is returned untouched for the command.
namespace IShowTts.Configuration;

public sealed record ConfigurationArguments(string? ConfigPath, IReadOnlyList<string> Overrides, IReadOnlyList<string> Remaining)
{
    /// <exception cref="ArgumentException">when --config or --set has no value, or --config is given twice.</exception>
    public static ConfigurationArguments Parse(IReadOnlyList<string> args)
    {
        string? configPath = null;
        var overrides = new List<string>();
        var remaining = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                remaining.AddRange(args.Skip(i));
                break;
            }
            if (Option(arg, "--config", args, ref i) is { } path)
            {
                if (configPath is not null) throw new ArgumentException($"--config is given twice ({configPath} and {path})");
                configPath = path;
            }
            else if (Option(arg, "--set", args, ref i) is { } assignment)
            {
                overrides.Add(assignment);
            }
            else
            {
                remaining.Add(arg);
            }
        }
        return new ConfigurationArguments(configPath, overrides, remaining);
    }

    private static string? Option(string arg, string name, IReadOnlyList<string> args, ref int i)
    {
        if (arg.StartsWith(name + "=", StringComparison.Ordinal)) return arg[(name.Length + 1)..];
        if (arg != name) return null;
        if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value");
        return args[++i];
    }
}
