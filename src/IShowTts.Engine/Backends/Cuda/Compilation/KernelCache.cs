// On-disk cache of compiled kernels: ISHOWTTS_KERNEL_CACHE, else $XDG_CACHE_HOME/ishowtts/kernels, else
// ~/.cache/ishowtts/kernels. A file's name carries the SHA-256 of everything that decides its contents
// (source, header, options, target, NVRTC version), so a stale entry can never be read. Writes are
// atomic (temp file, then move); an unwritable cache only costs the compile time.
using System.Security.Cryptography;
using System.Text;

namespace IShowTts.Engine.Backends.Cuda.Compilation;

internal sealed class KernelCache(string? directory)
{
    public const string DirectoryVariable = "ISHOWTTS_KERNEL_CACHE";

    public string? Directory { get; } = directory;

    public static KernelCache Default() => new(DefaultDirectory());

    public static string? DefaultDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(explicitDir)) return explicitDir;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "ishowtts", "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "ishowtts", "kernels");
    }

    public static string Key(params string[] parts)
    {
        var joined = string.Join("\u0000", parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    public string? PathFor(string module, string target, string key, bool cubin) =>
        Directory is null ? null : Path.Combine(Directory, $"{module}-{target}-{key[..24]}.{(cubin ? "cubin" : "ptx")}");

    public byte[]? TryRead(string? path)
    {
        if (path is null) return null;
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void TryWrite(string? path, byte[] image)
    {
        if (path is null) return;
        try
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temp, image);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
