// nvmlClocksThrottleReasons bits (nvml.h): why the clocks are below their maximum right now, in words.
namespace IShowTts.Ops.Nvml;

public static class ThrottleReasons
{
    public const ulong GpuIdle = 0x1;
    public const ulong ApplicationsClocksSetting = 0x2;
    public const ulong SwPowerCap = 0x4;
    public const ulong HwSlowdown = 0x8;
    public const ulong SyncBoost = 0x10;
    public const ulong SwThermalSlowdown = 0x20;
    public const ulong HwThermalSlowdown = 0x40;
    public const ulong HwPowerBrakeSlowdown = 0x80;
    public const ulong DisplayClockSetting = 0x100;

    /// <summary>Reasons that cost speed under load (idle and the application-clock setting are not faults).</summary>
    public const ulong Harmful = SwPowerCap | HwSlowdown | SwThermalSlowdown | HwThermalSlowdown | HwPowerBrakeSlowdown;

    private static readonly (ulong Bit, string Words)[] Names =
    [
        (GpuIdle, "idle"), (ApplicationsClocksSetting, "application clock setting"), (SwPowerCap, "software power cap"),
        (HwSlowdown, "hardware slowdown"), (SyncBoost, "sync boost"), (SwThermalSlowdown, "software thermal slowdown"),
        (HwThermalSlowdown, "hardware thermal slowdown"), (HwPowerBrakeSlowdown, "power brake"), (DisplayClockSetting, "display clock setting"),
    ];

    public static IReadOnlyList<string> Describe(ulong reasons) =>
        Names.Where(n => (reasons & n.Bit) != 0).Select(n => n.Words).ToArray();
}
