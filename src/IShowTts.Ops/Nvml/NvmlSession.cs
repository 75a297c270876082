// One NVML session: nvmlInit_v2 when opened, nvmlShutdown when disposed (NVML counts the pairs, so
// nested sessions are fine). Device handles belong to NVML and are never freed by us. Read-only.
// TryOpen says in one line why NVML is unusable (no driver library: a CPU-only machine).
using System.Text;

namespace IShowTts.Ops.Nvml;

public sealed unsafe class NvmlSession : IDisposable
{
    private bool _open;

    private NvmlSession() => _open = true;

    public static bool TryOpen(out NvmlSession? session, out string reason)
    {
        session = null;
        try
        {
            int status = NvmlNative.nvmlInit_v2();
            if (status != NvmlNative.Success)
            {
                reason = NvmlNative.Error(status, "nvmlInit_v2").Message;
                return false;
            }
        }
        catch (DllNotFoundException)
        {
            reason = "libnvidia-ml.so.1 (the NVIDIA driver's management library) was not found: no NVIDIA driver on this machine";
            return false;
        }
        catch (EntryPointNotFoundException e)
        {
            reason = $"libnvidia-ml.so.1 is too old for nvmlInit_v2 ({e.Message}): update the NVIDIA driver";
            return false;
        }
        session = new NvmlSession();
        reason = "";
        return true;
    }

    /// <summary>The driver and every GPU; a query a GPU does not support leaves that field null.</summary>
    public GpuReport Read()
    {
        ObjectDisposedException.ThrowIf(!_open, this);
        var buffer = new byte[96];
        string driver;
        fixed (byte* p = buffer) driver = NvmlNative.nvmlSystemGetDriverVersion(p, (uint)buffer.Length) == 0 ? CString(buffer) : "unknown";
        string cuda = NvmlNative.nvmlSystemGetCudaDriverVersion_v2(out var v) == 0 ? $"{v / 1000}.{v % 1000 / 10}" : "unknown";
        NvmlNative.Check(NvmlNative.nvmlDeviceGetCount_v2(out var count));
        var gpus = new List<GpuSnapshot>();
        for (uint i = 0; i < count; i++) gpus.Add(ReadDevice(i));
        return new GpuReport(driver, cuda, gpus);
    }

    private static GpuSnapshot ReadDevice(uint index)
    {
        NvmlNative.Check(NvmlNative.nvmlDeviceGetHandleByIndex_v2(index, out var d));
        var missing = new List<string>();
        var buffer = new byte[96];
        string name;
        fixed (byte* p = buffer) name = Query(NvmlNative.nvmlDeviceGetName(d, p, (uint)buffer.Length), missing) ? CString(buffer) : $"GPU {index}";
        int? major = null, minor = null;
        if (Query(NvmlNative.nvmlDeviceGetCudaComputeCapability(d, out var ma, out var mi), missing)) (major, minor) = (ma, mi);
        ulong? total = null, used = null;
        if (Query(NvmlNative.nvmlDeviceGetMemoryInfo(d, out var mem), missing)) (total, used) = (mem.Total, mem.Used);
        return new GpuSnapshot((int)index, name, major, minor, total, used,
            Query(NvmlNative.nvmlDeviceGetClockInfo(d, NvmlNative.ClockSm, out var sm), missing) ? sm : null,
            Query(NvmlNative.nvmlDeviceGetMaxClockInfo(d, NvmlNative.ClockSm, out var smMax), missing) ? smMax : null,
            Query(NvmlNative.nvmlDeviceGetClockInfo(d, NvmlNative.ClockMemory, out var memClock), missing) ? memClock : null,
            Query(NvmlNative.nvmlDeviceGetMaxClockInfo(d, NvmlNative.ClockMemory, out var memMax), missing) ? memMax : null,
            Query(NvmlNative.nvmlDeviceGetApplicationsClock(d, NvmlNative.ClockSm, out var app), missing) ? app : null,
            Query(NvmlNative.nvmlDeviceGetPowerUsage(d, out var mw), missing) ? mw / 1000.0 : null,
            Query(NvmlNative.nvmlDeviceGetEnforcedPowerLimit(d, out var limit), missing) ? limit / 1000.0 : null,
            Query(NvmlNative.nvmlDeviceGetTemperature(d, NvmlNative.TemperatureGpu, out var temp), missing) ? temp : null,
            Query(NvmlNative.nvmlDeviceGetPerformanceState(d, out var pstate), missing) ? pstate : null,
            Query(NvmlNative.nvmlDeviceGetPersistenceMode(d, out var persist), missing) ? persist != 0 : null,
            Query(NvmlNative.nvmlDeviceGetCurrentClocksThrottleReasons(d, out var reasons), missing) ? reasons : null,
            missing);
    }

    /// <summary>True on success; otherwise notes "nvmlX failed: reason" (a query this GPU or driver does not support).</summary>
    private static bool Query(int status, List<string> missing, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status == NvmlNative.Success) return true;
        missing.Add(NvmlNative.Error(status, call).Message);
        return false;
    }

    private static string CString(byte[] buffer) => Encoding.UTF8.GetString(buffer, 0, Math.Max(0, Array.IndexOf(buffer, (byte)0)));

    public void Dispose()
    {
        if (!_open) return;
        _open = false;
        NvmlNative.nvmlShutdown();
    }
}
