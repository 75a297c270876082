// Whole-file writes a reader or a crash never sees half of (temp file beside the target, flushed,
// renamed over it), and line appends that never interleave (one write per line under an exclusive
// open, retried while another writer holds the file).
using System.Text;

namespace IShowTts.Ops.Files;

public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>Appends one line (a newline is added) with a single write while holding the file exclusively.</summary>
    public static void AppendLine(string path, string line)
    {
        if (line.Contains('\n')) throw new ArgumentException("an appended record must be one line", nameof(line));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
                return;
            }
            catch (IOException) when (attempt < 50 && File.Exists(full))
            {
                Thread.Sleep(20); // another writer holds it: wait for its single write to finish
            }
        }
    }
}
