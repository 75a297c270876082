// Checks a weight file against the tensors a model needs, under a key normalisation (e.g. strip "ema_model.",
// drop "initted"/"step"), and reports every mismatch in one WeightMappingException. Map also returns which
// stored name provides each key. It checks names and shapes only; dtype conversion is the reader's job.
namespace IShowTts.Engine.Weights;

public static class WeightBinder
{
    /// <summary>Throws <see cref="WeightMappingException"/> listing every missing, unexpected, mis-shaped and unreadable key.</summary>
    public static void Validate(IWeightFile file, IReadOnlyCollection<ExpectedTensor> expected, Func<string, string?> normalizeKey) =>
        Map(file, expected, normalizeKey);

    /// <summary>Validates like <see cref="Validate"/> and returns model key → stored tensor name.</summary>
    public static IReadOnlyDictionary<string, string> Map(IWeightFile file, IReadOnlyCollection<ExpectedTensor> expected,
        Func<string, string?> normalizeKey)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(normalizeKey);
        var wanted = new Dictionary<string, ExpectedTensor>(StringComparer.Ordinal);
        foreach (var tensor in expected)
            if (!wanted.TryAdd(tensor.Key, tensor))
                throw new ArgumentException($"Model key '{tensor.Key}' is expected twice.", nameof(expected));

        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var unexpected = new List<string>();
        var misShaped = new List<string>();
        var unreadable = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var stored = file.Tensors.Keys.Concat(file.Unreadable.Keys).OrderBy(n => n, StringComparer.Ordinal);
        foreach (var name in stored)
        {
            if (normalizeKey(name) is not { } key) continue;
            string source = key == name ? $"'{key}'" : $"'{key}' (stored as '{name}')";
            if (!seen.Add(key))
            {
                unexpected.Add($"{source}: a second entry for the same key (first: '{mapping.GetValueOrDefault(key, key)}')");
                continue;
            }
            if (!wanted.TryGetValue(key, out var want))
            {
                unexpected.Add(source);
                continue;
            }
            if (file.Unreadable.TryGetValue(name, out var reason))
            {
                unreadable.Add($"{source}: {reason}");
                continue;
            }
            var have = file.Tensors[name];
            if (!ShapeText.SameShape(have.Shape, want.Shape))
            {
                misShaped.Add($"{source}: the model expects {ShapeText.Format(want.Shape)}, the file has {ShapeText.Format(have.Shape)}");
                continue;
            }
            mapping[key] = name;
        }

        var missing = wanted.Keys.Where(k => !seen.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (missing.Count + unexpected.Count + misShaped.Count + unreadable.Count > 0)
            throw new WeightMappingException(file.FilePath, missing, unexpected, misShaped, unreadable);
        return mapping;
    }
}
