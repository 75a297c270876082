// Reads "key : value" lines of Linux /proc and /sys text files; a missing file or key is null.
namespace IShowTts.Ops.Machine;

public static class ProcFile
{
    public static string? Value(string path, string key)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadLines(path), key) : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The value of the first "key: value" (or "key value") line; null when absent.</summary>
    public static string? Parse(IEnumerable<string> lines, string key)
    {
        foreach (var line in lines)
        {
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            if (line[..colon].Trim().Equals(key, StringComparison.Ordinal)) return line[(colon + 1)..].Trim();
        }
        return null;
    }

    public static string? ReadTrimmed(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path).Trim() : null; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
