// What a bench result was measured on, so a history can tell a slower build from a different
// machine: CPU model and cores, memory, OS, .NET, the build commit, and the GPU (name, driver, clocks
// at the time, power limit) when NVML can read it. Read-only queries; nothing is changed.
using System.Reflection;
using System.Runtime.InteropServices;
using IShowTts.Ops.Nvml;

namespace IShowTts.Ops.Machine;

/// <param name="Commit">the git commit the build was made from ("unknown" when the build had none).</param>
/// <param name="Gpu">NVML's view of the first GPU at the time of the bench, null without NVML.</param>
public sealed record MachineFacts(
    string Host, string Os, string Runtime, string CpuModel, int LogicalCores, long MemoryBytes, string Commit,
    string? GpuDriver, string? CudaDriver, GpuSnapshot? Gpu, string? GpuUnavailableReason)
{
    public static MachineFacts Collect()
    {
        string? driver = null, cuda = null, reason = null;
        GpuSnapshot? gpu = null;
        if (NvmlSession.TryOpen(out var session, out var why))
        {
            using (session)
            {
                try
                {
                    var report = session!.Read();
                    (driver, cuda, gpu) = (report.DriverVersion, report.CudaDriverVersion, report.Gpus.FirstOrDefault());
                }
                catch (NvmlException e) { reason = e.Message; }
            }
        }
        else reason = why;
        return new MachineFacts(Environment.MachineName, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            ReadCpuModel(), Environment.ProcessorCount, ReadMemoryBytes(), BuildCommit(), driver, cuda, gpu, reason);
    }

    /// <summary>The commit in the assembly's informational version ("1.0.0+&lt;sha&gt;", set by the SDK from git).</summary>
    public static string BuildCommit()
    {
        var version = typeof(MachineFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        int plus = version?.IndexOf('+') ?? -1;
        return plus >= 0 ? version![(plus + 1)..] : "unknown";
    }

    public static string ReadCpuModel() =>
        ProcFile.Value("/proc/cpuinfo", "model name") ?? ProcFile.Value("/proc/cpuinfo", "Model") ?? RuntimeInformation.ProcessArchitecture.ToString();

    /// <summary>MemTotal of /proc/meminfo, else what the GC sees as available.</summary>
    public static long ReadMemoryBytes() =>
        ProcFile.Value("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var k) ? k * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
}
