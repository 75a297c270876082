// The weights in a file do not fit the model: every missing, unexpected, mis-shaped and unreadable key at
// once, so one run tells a user everything that is wrong with a checkpoint. Raised by WeightBinder.
using System.Text;

namespace IShowTts.Engine.Weights;

public sealed class WeightMappingException : EngineException
{
    public string FilePath { get; }
    /// <summary>Model keys the file does not provide.</summary>
    public IReadOnlyList<string> Missing { get; }
    /// <summary>File entries (as "key (stored as 'name')") the model has no use for, including duplicates of one key.</summary>
    public IReadOnlyList<string> Unexpected { get; }
    /// <summary>Keys whose stored shape differs from the model's, with both shapes.</summary>
    public IReadOnlyList<string> MisShaped { get; }
    /// <summary>Keys the model needs whose entry has a dtype or layout the engine cannot read, with the reason.</summary>
    public IReadOnlyList<string> Unreadable { get; }

    public WeightMappingException(string filePath, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> misShaped, IReadOnlyList<string> unreadable)
        : base(Describe(filePath, missing, unexpected, misShaped, unreadable))
    {
        FilePath = filePath;
        Missing = missing;
        Unexpected = unexpected;
        MisShaped = misShaped;
        Unreadable = unreadable;
    }

    private static string Describe(string filePath, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> misShaped, IReadOnlyList<string> unreadable)
    {
        var text = new StringBuilder();
        text.Append($"The weights in '{filePath}' do not fit the model: {missing.Count} missing, {unexpected.Count} unexpected, " +
                    $"{misShaped.Count} mis-shaped, {unreadable.Count} unreadable.");
        void Section(string title, IReadOnlyList<string> items)
        {
            if (items.Count == 0) return;
            text.Append($"\n{title}:");
            foreach (var item in items) text.Append("\n  ").Append(item);
        }
        Section("missing", missing);
        Section("unexpected", unexpected);
        Section("mis-shaped", misShaped);
        Section("unreadable", unreadable);
        return text.ToString();
    }
}
