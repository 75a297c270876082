// Whole-file writes a reader or a crash never sees half of (temp file beside the target, flushed,
// renamed over it; optionally readable by the owner only), line appends that never overwrite or
// interleave (one write per line while holding a lock file beside the target), and that lock itself
// for callers with a read-modify-write of their own. The server's stores (voices, keys) use it too.
using System.Text;

namespace IShowTts.Ops.Files;

public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    /// <param name="ownerOnly">create the file readable and writable by its owner only (a key store); not on Windows.</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, bool ownerOnly = false)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (ownerOnly && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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

    /// <summary>
    /// Appends one line (a newline is added) with a single write, while holding &lt;path&gt;.lock exclusively:
    /// .NET opens FileMode.Append at the length it sees and writes there, so two writers without the gate
    /// could both write at the same offset, one line over the other. Readers need no lock (they may see a
    /// line being written as a short last line, which BenchHistory skips).
    /// </summary>
    public static void AppendLine(string path, string line)
    {
        if (line.Contains('\n')) throw new ArgumentException("an appended record must be one line", nameof(line));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        using var gate = Lock(full + ".lock");
        using var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Opens <paramref name="lockPath"/> with no sharing (an exclusive flock on Linux, an advisory lock other .NET
    /// processes respect), waiting up to 10 s while another writer holds it; disposing the stream releases it.
    /// </summary>
    public static FileStream Lock(string lockPath)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 500)
            {
                Thread.Sleep(20); // another writer holds it for its write
            }
        }
    }
}
