// One reason a configuration cannot be used: where (file/line/column or source), which key, why.
// Collected by the loader and thrown together as a ConfigurationException.
namespace IShowTts.Configuration;

/// <param name="Key">the dotted key path ("f5.voices[2].reference_audio"), or "" for the whole file.</param>
public sealed record ConfigProblem(ConfigOrigin Origin, string Key, string Message)
{
    public override string ToString() => Key.Length > 0 ? $"{Origin}: {Key}: {Message}" : $"{Origin}: {Message}";
}
