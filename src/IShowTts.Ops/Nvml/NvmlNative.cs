// NVIDIA Management Library (libnvidia-ml.so.1, shipped with the driver) through LibraryImport: the
// read-only queries doctor and the bench need. Mirrors nvml.h of driver 535+ (the _v2 entry points);
// nothing here sets clocks, limits or modes. Statuses become NvmlException via Check.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IShowTts.Ops.Nvml;

internal static unsafe partial class NvmlNative
{
    private const string Lib = "libnvidia-ml.so.1";

    public const int Success = 0;
    public const int ErrorNotSupported = 3;
    public const int ErrorNoPermission = 4;

    // nvmlClockType_t
    public const int ClockGraphics = 0;
    public const int ClockSm = 1;
    public const int ClockMemory = 2;

    // nvmlTemperatureSensors_t
    public const int TemperatureGpu = 0;

    [StructLayout(LayoutKind.Sequential)]
    public struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    [LibraryImport(Lib)] public static partial int nvmlInit_v2();
    [LibraryImport(Lib)] public static partial int nvmlShutdown();
    [LibraryImport(Lib)] public static partial nint nvmlErrorString(int result);
    [LibraryImport(Lib)] public static partial int nvmlSystemGetDriverVersion(byte* version, uint length);
    [LibraryImport(Lib)] public static partial int nvmlSystemGetCudaDriverVersion_v2(out int version);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetCount_v2(out uint count);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetHandleByIndex_v2(uint index, out nint device);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetName(nint device, byte* name, uint length);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetClockInfo(nint device, int type, out uint mhz);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetMaxClockInfo(nint device, int type, out uint mhz);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetApplicationsClock(nint device, int type, out uint mhz);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetPowerUsage(nint device, out uint milliwatts);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetEnforcedPowerLimit(nint device, out uint milliwatts);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetTemperature(nint device, int sensor, out uint celsius);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetPerformanceState(nint device, out int pstate);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetMemoryInfo(nint device, out Memory memory);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetPersistenceMode(nint device, out int enabled);
    [LibraryImport(Lib)] public static partial int nvmlDeviceGetCudaComputeCapability(nint device, out int major, out int minor);

    public static void Check(int status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status != Success) throw Error(status, call);
    }

    public static NvmlException Error(int status, string call)
    {
        string message;
        try { message = Marshal.PtrToStringUTF8(nvmlErrorString(status)) ?? "unknown error"; }
        catch (EntryPointNotFoundException) { message = "unknown error"; }
        return new NvmlException(status, $"{Short(call)} failed: {message} (NVML status {status})");
    }

    /// <summary>"NvmlNative.nvmlDeviceGetPowerUsage(handle, out var mw)" → "nvmlDeviceGetPowerUsage".</summary>
    private static string Short(string call)
    {
        int open = call.IndexOf('(');
        var head = open > 0 ? call[..open] : call;
        int dot = head.LastIndexOf('.');
        return dot >= 0 ? head[(dot + 1)..] : head;
    }
}
