// [paths]: where the product keeps what it writes (voice overrides, uploads, caches, downloaded-model
// links). Only data_dir is configurable; the folders below it are fixed.
namespace IShowTts.Configuration;

/// <param name="DataDirectory">absolute; default $XDG_DATA_HOME/ishowtts or ~/.local/share/ishowtts.</param>
public sealed record PathsSection(string DataDirectory)
{
    /// <summary>Uploaded reference overrides and overrides.json.</summary>
    public string VoiceOverridesDirectory => Path.Combine(DataDirectory, "voices", "overrides");

    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");

    /// <summary>Processed-reference and clip caches.</summary>
    public string CacheDirectory => Path.Combine(DataDirectory, "cache");

    /// <summary>Model folders (links into the hub cache after a download).</summary>
    public string ModelsDirectory => Path.Combine(DataDirectory, "models");
}
