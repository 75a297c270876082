// The stages one hub file goes through while it is fetched, for progress reporting.
namespace IShowTts.Synthesis.Acquisition;

public enum DownloadStage
{
    /// <summary>Asking the hub for the file's commit, hash and size.</summary>
    Checking,
    Downloading,
    /// <summary>Hashing the complete file against the hub's ETag.</summary>
    Verifying,
    /// <summary>Downloaded, verified and in place.</summary>
    Done,
    /// <summary>Already in the cache; nothing downloaded.</summary>
    Cached,
}
