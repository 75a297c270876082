// `ishowtts doctor`: every check, in the order an operator fixes things — configuration, GPU (NVML,
// CUDA libraries, Jetson power mode), CPU, model files, voices, port, disk. A broken configuration is
// itself a finding; the checks that need it are then skipped. Reads only (plus doctor's own checksum
// record); clocks and settings are never changed.
using IShowTts.Configuration;

namespace IShowTts.Ops.Doctor;

/// <param name="LoadConfig">loads the configuration; may throw ConfigurationException.</param>
/// <param name="Checksums">hash the model files (a few seconds for 1.4 GB).</param>
/// <param name="Cuda">open the CUDA backend (loads the libraries, compiles the kernels the first time).</param>
public sealed record DoctorOptions(Func<(IShowTtsConfig Config, IReadOnlyList<ConfigWarning> Warnings)> LoadConfig, bool Checksums = true, bool Cuda = true,
    string SystemRoot = "/");

public static class DoctorRunner
{
    public static DoctorReport Run(DoctorOptions options, Action<DoctorCheck>? onCheck = null)
    {
        var checks = new List<DoctorCheck>();
        void Add(DoctorCheck c)
        {
            checks.Add(c);
            onCheck?.Invoke(c);
        }
        void AddAll(IEnumerable<DoctorCheck> cs)
        {
            foreach (var c in cs) Add(c);
        }

        IShowTtsConfig? config = null;
        try
        {
            var (loaded, warnings) = options.LoadConfig();
            config = loaded;
            var source = loaded.SourceFile ?? "built-in defaults (no configuration file)";
            Add(warnings.Count == 0
                ? new DoctorCheck("config", "configuration", CheckStatus.Ok, $"valid: {source}")
                : new DoctorCheck("config", "configuration", CheckStatus.Warning, $"{source}: " + string.Join("; ", warnings.Select(w => w.ToString())),
                    "edit the keys named (docs/configuration.md)"));
        }
        catch (ConfigurationException e)
        {
            Add(new DoctorCheck("config", "configuration", CheckStatus.Failed, e.Message, "fix the problems listed (docs/configuration.md)"));
        }

        AddAll(GpuChecks.Run());
        if (options.Cuda) Add(CudaChecks.Run());
        AddAll(JetsonChecks.Run(options.SystemRoot));
        Add(HostChecks.Cpu());
        if (config is null)
        {
            Add(new DoctorCheck("model", "model files", CheckStatus.Skipped, "the configuration is not valid"));
            Add(new DoctorCheck("voices", "voices", CheckStatus.Skipped, "the configuration is not valid"));
            Add(new DoctorCheck("server", "port", CheckStatus.Skipped, "the configuration is not valid"));
            return new DoctorReport(checks);
        }
        AddAll(ProductChecks.Model(config, options.Checksums));
        AddAll(ProductChecks.Voices(config));
        Add(HostChecks.Port(config.BindAddress));
        Add(HostChecks.Disk("model", config.F5.ModelDirectory));
        Add(HostChecks.Disk("data", config.Paths.DataDirectory));
        return new DoctorReport(checks);
    }
}
