namespace IShowTts.Ops.Nvml;

/// <summary>One GPU as NVML reads it now. A null field was not supported by this GPU or driver.</summary>
/// <param name="SmClockMhz">current SM clock; <paramref name="SmClockMaxMhz"/> its maximum.</param>
/// <param name="ApplicationSmClockMhz">the application clock the driver targets under load (what `nvidia-smi -ac` sets).</param>
/// <param name="ThrottleReasons">nvmlClocksThrottleReasons bits, see ThrottleReasons.</param>
/// <param name="Unavailable">each query that failed, as "nvmlCall failed: NVML's reason".</param>
public sealed record GpuSnapshot(
    int Index, string Name, int? ComputeMajor, int? ComputeMinor, ulong? MemoryTotalBytes, ulong? MemoryUsedBytes,
    uint? SmClockMhz, uint? SmClockMaxMhz, uint? MemoryClockMhz, uint? MemoryClockMaxMhz, uint? ApplicationSmClockMhz,
    double? PowerWatts, double? PowerLimitWatts, uint? TemperatureC, int? PerformanceState, bool? PersistenceMode, ulong? ThrottleReasons,
    IReadOnlyList<string> Unavailable);

/// <summary>The driver and every GPU it reports.</summary>
public sealed record GpuReport(string DriverVersion, string CudaDriverVersion, IReadOnlyList<GpuSnapshot> Gpus);
