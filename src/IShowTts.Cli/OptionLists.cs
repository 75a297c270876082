// Comma-separated option values: --nfe 6,7 or --categories short,tech; each item checked, the option named in errors.
using System.Globalization;

namespace IShowTts.Cli;

public static class OptionLists
{
    public static IReadOnlyList<int> Ints(Arguments args, string name, IReadOnlyList<int> fallback, int min, int max)
    {
        var s = args.String(name);
        if (s is null) return fallback;
        var values = new List<int>();
        foreach (var part in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
                throw new UsageException($"--{name} takes whole numbers from {min} to {max}, separated by commas (got '{part}')");
            if (!values.Contains(v)) values.Add(v);
        }
        if (values.Count == 0) throw new UsageException($"--{name} needs at least one value");
        return values;
    }

    public static IReadOnlyList<string>? Words(Arguments args, string name) =>
        args.String(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()).ToList();
}
