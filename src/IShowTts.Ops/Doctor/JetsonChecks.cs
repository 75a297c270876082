// doctor's Jetson checks: the nvpmodel power mode (MAXN for full speed) and whether the GPU clock is
// locked at its maximum (`jetson_clocks`). The original lost 30 % speed when the clocks were not
// locked. Skipped on other machines. Reads only; prints the commands.
using IShowTts.Ops.Machine;

namespace IShowTts.Ops.Doctor;

public static class JetsonChecks
{
    public static IReadOnlyList<DoctorCheck> Run(string root = "/") =>
        JetsonState.IsJetson(root) ? Evaluate(JetsonState.Read(root))
            : [new DoctorCheck("jetson", "Jetson power mode", CheckStatus.Skipped, $"not a Jetson ({JetsonState.ReleaseFile} absent)")];

    public static IReadOnlyList<DoctorCheck> Evaluate(JetsonState s)
    {
        var checks = new List<DoctorCheck>();
        if (s.PowerModeId is not { } mode)
            checks.Add(new DoctorCheck("jetson", "power mode", CheckStatus.Warning, $"{s.Model}: the power mode could not be read", "sudo nvpmodel -q"));
        else if (s.MaxPowerModeId is { } maxn && mode != maxn)
            checks.Add(new DoctorCheck("jetson", "power mode", CheckStatus.Warning,
                $"{s.Model}: mode {mode} ({s.PowerModeName ?? "?"}), not MAXN (mode {maxn}): the GPU is capped", $"sudo nvpmodel -m {maxn}"));
        else
            checks.Add(new DoctorCheck("jetson", "power mode", CheckStatus.Ok, $"{s.Model}: mode {mode} ({s.PowerModeName ?? "?"})"));
        if (s.GpuClockHz is { } cur && s.GpuClockMaxHz is { } max)
            checks.Add(cur >= max * 0.98
                ? new DoctorCheck("jetson", "GPU clock", CheckStatus.Ok, $"{cur / 1e6:F0} of {max / 1e6:F0} MHz (locked)")
                : new DoctorCheck("jetson", "GPU clock", CheckStatus.Warning,
                    $"{cur / 1e6:F0} of {max / 1e6:F0} MHz: not locked (the original measured 30 % slower synthesis unlocked)", "sudo jetson_clocks"));
        else
            checks.Add(new DoctorCheck("jetson", "GPU clock", CheckStatus.Skipped, "no GPU devfreq node under /sys/class/devfreq"));
        return checks;
    }
}
