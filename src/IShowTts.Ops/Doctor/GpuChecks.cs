// doctor's GPU checks, through NVML only (read-only): the GPU and driver; SM and memory clocks now vs
// their maximum and the application clock the driver boosts to; why clocks are held back (power cap,
// thermal); power, temperature, P-state and persistence mode. On a machine without NVML every check is
// skipped with the reason. What to change is printed as a command; nothing is changed.
using IShowTts.Ops.Nvml;

namespace IShowTts.Ops.Doctor;

public static class GpuChecks
{
    public static IReadOnlyList<DoctorCheck> Run()
    {
        if (!NvmlSession.TryOpen(out var session, out var reason))
            return [new DoctorCheck("gpu", "NVIDIA GPU", CheckStatus.Skipped, $"{reason}; the CPU backend is used")];
        using (session)
        {
            GpuReport report;
            try { report = session!.Read(); }
            catch (NvmlException e) { return [new DoctorCheck("gpu", "NVIDIA GPU", CheckStatus.Failed, e.Message, "check the driver with `nvidia-smi`")]; }
            return Evaluate(report);
        }
    }

    /// <summary>The checks for a report NVML produced (separate so the rules are testable with made-up snapshots).</summary>
    public static IReadOnlyList<DoctorCheck> Evaluate(GpuReport report)
    {
        var checks = new List<DoctorCheck>();
        if (report.Gpus.Count == 0)
            return [new DoctorCheck("gpu", "NVIDIA GPU", CheckStatus.Failed, $"driver {report.DriverVersion} reports no GPU", "check `nvidia-smi`")];
        foreach (var g in report.Gpus)
        {
            var prefix = report.Gpus.Count > 1 ? $"GPU {g.Index} " : "";
            checks.Add(new DoctorCheck("gpu", prefix + "GPU", CheckStatus.Ok,
                $"{g.Name}{(g.ComputeMajor is { } ma ? $" (sm_{ma}{g.ComputeMinor})" : "")}, {Gib(g.MemoryTotalBytes)} memory ({Gib(g.MemoryUsedBytes)} used), " +
                $"driver {report.DriverVersion}, CUDA {report.CudaDriverVersion}"));
            checks.Add(Clocks(prefix, g));
            checks.Add(PowerAndThermal(prefix, g));
            checks.Add(g.PersistenceMode switch
            {
                true => new DoctorCheck("gpu", prefix + "persistence mode", CheckStatus.Ok, "on"),
                false => new DoctorCheck("gpu", prefix + "persistence mode", CheckStatus.Warning,
                    "off: the driver unloads when idle, so the first request after a pause is slow", "sudo nvidia-smi -pm 1"),
                null => new DoctorCheck("gpu", prefix + "persistence mode", CheckStatus.Skipped, "not reported by this GPU/driver"),
            });
        }
        return checks;
    }

    public static DoctorCheck Clocks(string prefix, GpuSnapshot g)
    {
        var name = prefix + "clocks";
        if (g.SmClockMhz is not { } sm || g.SmClockMaxMhz is not { } smMax)
            return new DoctorCheck("gpu", name, CheckStatus.Skipped, "clocks not reported: " + string.Join("; ", g.Unavailable));
        var text = $"SM {sm} of {smMax} MHz, memory {g.MemoryClockMhz?.ToString() ?? "?"} of {g.MemoryClockMaxMhz?.ToString() ?? "?"} MHz" +
                   (g.ApplicationSmClockMhz is { } app ? $", application clock {app} MHz" : "");
        ulong reasons = g.ThrottleReasons ?? 0;
        var harmful = ThrottleReasons.Describe(reasons & ThrottleReasons.Harmful);
        if (harmful.Count > 0)
            return new DoctorCheck("gpu", name, CheckStatus.Warning, $"{text}; held back by {string.Join(", ", harmful)}",
                "cool the GPU or raise its power limit (`nvidia-smi -q -d PERFORMANCE,POWER,TEMPERATURE` shows why)");
        if (g.ApplicationSmClockMhz is { } target && target < smMax * 0.9)
            return new DoctorCheck("gpu", name, CheckStatus.Warning,
                $"{text}: under load the GPU will run at {target} MHz, {100 - 100.0 * target / smMax:F0} % below its maximum",
                $"sudo nvidia-smi -rac   (reset application clocks), or lock them: sudo nvidia-smi -lgc {smMax},{smMax}");
        if ((reasons & ThrottleReasons.GpuIdle) != 0)
            return new DoctorCheck("gpu", name, CheckStatus.Ok, $"{text} (idle now; `ishowtts bench` measures under load)");
        return new DoctorCheck("gpu", name, sm >= smMax * 0.9 ? CheckStatus.Ok : CheckStatus.Warning, text,
            sm >= smMax * 0.9 ? null : $"the GPU is busy below its maximum clock: check `nvidia-smi -q -d PERFORMANCE`; sudo nvidia-smi -lgc {smMax},{smMax} locks it");
    }

    public static DoctorCheck PowerAndThermal(string prefix, GpuSnapshot g)
    {
        var name = prefix + "power and thermal";
        var parts = new List<string>();
        if (g.PowerWatts is { } w) parts.Add($"{w:F0} W" + (g.PowerLimitWatts is { } l ? $" of {l:F0} W limit" : ""));
        if (g.TemperatureC is { } t) parts.Add($"{t} °C");
        if (g.PerformanceState is { } p) parts.Add($"P{p}");
        if (parts.Count == 0) return new DoctorCheck("gpu", name, CheckStatus.Skipped, "not reported: " + string.Join("; ", g.Unavailable));
        var text = string.Join(", ", parts);
        if (g.TemperatureC is >= 85)
            return new DoctorCheck("gpu", name, CheckStatus.Warning, $"{text}: hot enough to slow down", "improve cooling; check fans with `nvidia-smi -q -d TEMPERATURE`");
        return new DoctorCheck("gpu", name, CheckStatus.Ok, text);
    }

    private static string Gib(ulong? bytes) => bytes is { } b ? $"{b / (1024.0 * 1024 * 1024):F1} GiB" : "? GiB";
}
