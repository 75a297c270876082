// doctor's machine checks: the CPU backend (model, cores, memory, whether OpenBLAS was found), free disk
// space where models and data live, and whether the server's port is free (or already answered by an
// ishowtts server). Each problem says what to run.
using System.Net;
using System.Net.Sockets;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Ops.Machine;

namespace IShowTts.Ops.Doctor;

public static class HostChecks
{
    public const long WarnFreeBytes = 5L << 30;
    public const long FailFreeBytes = 1L << 30;

    public static DoctorCheck Cpu()
    {
        using var cpu = new CpuBackend();
        var text = $"{MachineFacts.ReadCpuModel()}, {Environment.ProcessorCount} logical cores, {MachineFacts.ReadMemoryBytes() / (1024.0 * 1024 * 1024):F1} GiB; {cpu.Device.Name}";
        bool blas = cpu.Device.Name.Contains("BLAS", StringComparison.OrdinalIgnoreCase) || cpu.Device.Details.Contains("OpenBLAS", StringComparison.OrdinalIgnoreCase);
        return blas ? new DoctorCheck("cpu", "CPU backend", CheckStatus.Ok, text)
            : new DoctorCheck("cpu", "CPU backend", CheckStatus.Warning, $"{text}: no OpenBLAS, GEMMs use the slower managed code",
                "sudo apt-get install libopenblas0-pthread");
    }

    /// <summary>Free space on the filesystem holding <paramref name="path"/> (the nearest existing parent).</summary>
    public static DoctorCheck Disk(string what, string path)
    {
        var existing = Path.GetFullPath(path);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
        long free;
        try { free = new DriveInfo(existing).AvailableFreeSpace; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new DoctorCheck("disk", $"disk space ({what})", CheckStatus.Warning, $"{path}: {e.Message}", $"check the filesystem with `df -h {existing}`");
        }
        var text = $"{path}: {free / (1024.0 * 1024 * 1024):F1} GiB free on {MountPoint(existing)}";
        return DiskStatus(free) switch
        {
            CheckStatus.Failed => new DoctorCheck("disk", $"disk space ({what})", CheckStatus.Failed, text, "free space: the model alone needs 1.4 GB"),
            CheckStatus.Warning => new DoctorCheck("disk", $"disk space ({what})", CheckStatus.Warning, text, "free some space (model 1.4 GB, caches, bench history)"),
            _ => new DoctorCheck("disk", $"disk space ({what})", CheckStatus.Ok, text),
        };
    }

    /// <summary>Below 1 GiB free is a problem (the model does not fit), below 5 GiB a warning.</summary>
    public static CheckStatus DiskStatus(long freeBytes) =>
        freeBytes < FailFreeBytes ? CheckStatus.Failed : freeBytes < WarnFreeBytes ? CheckStatus.Warning : CheckStatus.Ok;

    /// <summary>The mount point holding <paramref name="directory"/> (the longest mounted prefix), or the directory itself when the mounts cannot be read.</summary>
    public static string MountPoint(string directory)
    {
        try
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
            return DriveInfo.GetDrives().Select(d => d.RootDirectory.FullName)
                .Where(root => full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || root == "/")
                .OrderByDescending(root => root.Length).FirstOrDefault() ?? directory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return directory;
        }
    }

    /// <summary>Whether bind_addr ("127.0.0.1:27121", "0.0.0.0:27121", "[::1]:27121", or a URL) can be bound.</summary>
    public static DoctorCheck Port(string bindAddress)
    {
        if (!TryParseEndpoint(bindAddress, out var endpoint))
            return new DoctorCheck("server", "port", CheckStatus.Failed, $"bind_addr '{bindAddress}' is not host:port", "set bind_addr = \"127.0.0.1:27121\"");
        try
        {
            using var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(endpoint);
            return new DoctorCheck("server", "port", CheckStatus.Ok, $"{endpoint} is free");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return AnswersHealth(endpoint)
                ? new DoctorCheck("server", "port", CheckStatus.Ok, $"{endpoint}: an ishowtts server is already listening (it answers /health)")
                : new DoctorCheck("server", "port", CheckStatus.Failed, $"{endpoint} is used by another program",
                    $"find it with `ss -ltnp 'sport = :{endpoint.Port}'`, or change bind_addr");
        }
        catch (SocketException e)
        {
            return new DoctorCheck("server", "port", CheckStatus.Failed, $"{endpoint} cannot be bound: {e.Message}",
                "use an address of this machine in bind_addr (127.0.0.1 for this machine only)");
        }
    }

    public static bool TryParseEndpoint(string bindAddress, out IPEndPoint endpoint)
    {
        var text = bindAddress;
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..].TrimEnd('/');
        text = text.Replace("localhost", "127.0.0.1", StringComparison.OrdinalIgnoreCase).Replace("*", "0.0.0.0").Replace("+", "0.0.0.0");
        return IPEndPoint.TryParse(text, out endpoint!) && endpoint.Port > 0;
    }

    private static bool AnswersHealth(IPEndPoint endpoint)
    {
        var host = endpoint.Address.Equals(IPAddress.Any) ? "127.0.0.1" : endpoint.Address.Equals(IPAddress.IPv6Any) ? "[::1]"
            : endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var body = http.GetStringAsync($"http://{host}:{endpoint.Port}/health").GetAwaiter().GetResult();
            return body.Contains("\"ok\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }
}
