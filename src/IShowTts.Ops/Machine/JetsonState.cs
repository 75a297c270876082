// An NVIDIA Jetson's power state read from its files (NVML is not available there): the nvpmodel
// power mode (/var/lib/nvpmodel/status: "pmode:0000"; names from /etc/nvpmodel.conf) and the GPU's
// current vs maximum devfreq clock (locked by `jetson_clocks`). The original lost 30 % speed when the
// clocks were not locked. Reads only; doctor prints the commands that change them.
namespace IShowTts.Ops.Machine;

/// <param name="Model">the board (/proc/device-tree/model), e.g. "NVIDIA Jetson AGX Orin Developer Kit".</param>
/// <param name="PowerModeId">nvpmodel mode id, null when unreadable; <paramref name="PowerModeName"/> its name in nvpmodel.conf.</param>
/// <param name="MaxPowerModeId">the mode named MAXN in nvpmodel.conf (usually 0), null when unknown.</param>
public sealed record JetsonState(string Model, int? PowerModeId, string? PowerModeName, int? MaxPowerModeId, long? GpuClockHz, long? GpuClockMaxHz)
{
    public const string ReleaseFile = "/etc/nv_tegra_release";

    public static bool IsJetson(string root = "/") => File.Exists(Path.Combine(root, ReleaseFile.TrimStart('/')));

    /// <summary>Reads the state under <paramref name="root"/> ("/" on the device; a folder of copies in tests).</summary>
    public static JetsonState Read(string root = "/")
    {
        string P(string path) => Path.Combine(root, path.TrimStart('/'));
        var model = ProcFile.ReadTrimmed(P("/proc/device-tree/model"))?.TrimEnd('\0') ?? "NVIDIA Jetson";
        int? mode = ParseMode(ProcFile.ReadTrimmed(P("/var/lib/nvpmodel/status")));
        var modes = File.Exists(P("/etc/nvpmodel.conf")) ? ParseModes(File.ReadLines(P("/etc/nvpmodel.conf"))) : new Dictionary<int, string>();
        int? maxn = modes.Where(m => m.Value.StartsWith("MAXN", StringComparison.OrdinalIgnoreCase)).Select(m => (int?)m.Key).FirstOrDefault();
        long? cur = null, max = null;
        var devfreq = P("/sys/class/devfreq");
        if (Directory.Exists(devfreq))
        {
            // The GPU's devfreq node is named after its device (17000000.gpu, 17000000.ga10b, 57000000.gpu…).
            var gpu = Directory.GetDirectories(devfreq).OrderBy(d => d, StringComparer.Ordinal)
                .FirstOrDefault(d => Path.GetFileName(d).Contains("gpu", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(d).Contains("ga10b", StringComparison.Ordinal));
            if (gpu is not null)
            {
                cur = long.TryParse(ProcFile.ReadTrimmed(Path.Combine(gpu, "cur_freq")), out var c) ? c : null;
                max = long.TryParse(ProcFile.ReadTrimmed(Path.Combine(gpu, "max_freq")), out var m) ? m : null;
            }
        }
        return new JetsonState(model, mode, mode is { } id ? modes.GetValueOrDefault(id) : null, maxn, cur, max);
    }

    /// <summary>"pmode:0002 fmode:quiet" → 2.</summary>
    public static int? ParseMode(string? status)
    {
        if (status is null) return null;
        foreach (var part in status.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            if (part.StartsWith("pmode:", StringComparison.Ordinal) && int.TryParse(part[6..], out var id)) return id;
        return null;
    }

    /// <summary>"&lt; POWER_MODEL ID=0 NAME=MAXN &gt;" lines of nvpmodel.conf → id → name.</summary>
    public static Dictionary<int, string> ParseModes(IEnumerable<string> lines)
    {
        var modes = new Dictionary<int, string>();
        foreach (var line in lines)
        {
            if (!line.Contains("POWER_MODEL", StringComparison.Ordinal)) continue;
            int? id = null;
            string? name = null;
            foreach (var token in line.Split([' ', '<', '>'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.StartsWith("ID=", StringComparison.Ordinal) && int.TryParse(token[3..], out var i)) id = i;
                if (token.StartsWith("NAME=", StringComparison.Ordinal)) name = token[5..];
            }
            if (id is { } k && name is not null) modes[k] = name;
        }
        return modes;
    }
}
