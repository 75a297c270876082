// Progress of fetching one hub file, for a progress bar: the stage, bytes on disk so far (including
// what an earlier, interrupted run left) and the total when the hub announced it.
namespace IShowTts.Synthesis.Acquisition;

/// <param name="ResumedFrom">bytes that were already on disk when this run started (0 for a fresh download).</param>
public readonly record struct DownloadProgress(string Repo, string FileName, DownloadStage Stage, long Bytes, long? TotalBytes, long ResumedFrom);
