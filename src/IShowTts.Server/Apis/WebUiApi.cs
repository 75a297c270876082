// The web UI's page routes and the two read-only facts its pages show that no other route gives: the
// static files live in wwwroot (served by the static-file middleware); this maps the pages' short paths
// (/overlay for OBS browser sources, /quality for the listening page) onto their HTML files, and answers
// GET /api/ui/defaults (the configured synthesis defaults the Speak form starts from) and GET /api/ui/device
// (the machine and each engine's compute device, for the Status page). Nothing here changes anything.
using System.Runtime.InteropServices;
using IShowTts.Engine.Backends.Cuda;
using IShowTts.Server.Security;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines.F5;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IShowTts.Server.Apis;

internal static class WebUiApi
{
    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/overlay", (HttpContext http) => RedirectKeepingQuery(http, "/overlay.html"));
        pages.MapGet("/quality", (HttpContext http) => RedirectKeepingQuery(http, "/quality.html"));

        var ui = app.MapGroup("/api/ui").WithTags("Web UI").RequireScope(ApiScopes.Speak);
        ui.MapGet("/defaults", Defaults).WithName("UiDefaults")
            .WithSummary("The configured synthesis defaults (NFE steps, speed, seed, …) and the text limit, for a form to start from.");
        ui.MapGet("/device", Device).WithName("UiDevice")
            .WithSummary("The host (CPU model, cores, memory) and each loaded engine's compute device (name, kind, memory).");
        return app;
    }

    private static IResult RedirectKeepingQuery(HttpContext http, string path) =>
        TypedResults.Redirect(path + http.Request.QueryString.Value);

    /// <summary>What a request without the field gets: SynthesizerOptions.Defaults (or SpeakOptions' own defaults).</summary>
    public static Ok<UiDefaults> Defaults(Synthesizer synthesizer)
    {
        var d = synthesizer.Options.Defaults ?? new SpeakOptions();
        return TypedResults.Ok(new UiDefaults(d.NfeStep, d.Speed, d.Seed, d.CfgStrength, d.SwaySamplingCoefficient, d.CrossFadeSeconds,
            synthesizer.Options.MaxTextChars, synthesizer.Options.DefaultVoice));
    }

    public static Ok<UiDeviceReport> Device(Synthesizer synthesizer)
    {
        var devices = new List<UiEngineDevice>();
        foreach (var f5 in synthesizer.Engines.OfType<F5Engine>())
        {
            if (f5.Model?.Backend is not { } backend) continue;
            var cuda = backend as CudaBackend;
            var d = backend.Device;
            devices.Add(new UiEngineDevice(f5.Id, d.Kind.ToString().ToLowerInvariant(), d.Name, d.Details,
                d.TotalMemoryBytes > 0 ? d.TotalMemoryBytes : null, cuda?.AllocatedBytes, cuda?.PeakReservedBytes));
        }
        var host = new UiHost(CpuModel(), Environment.ProcessorCount, MemoryBytes(), Environment.WorkingSet,
            RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
        return TypedResults.Ok(new UiDeviceReport(host, devices));
    }

    private static string CpuModel() => ProcValue("/proc/cpuinfo", "model name") ?? ProcValue("/proc/cpuinfo", "Model")
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    /// <summary>MemTotal of /proc/meminfo, else what the GC sees as available.</summary>
    private static long MemoryBytes() =>
        ProcValue("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var k) ? k * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The value of the first "key : value" line of a /proc file, or null (no such file or key).</summary>
    private static string? ProcValue(string path, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim() == key) return line[(colon + 1)..].Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}

/// <summary>GET /api/ui/defaults: the values a speech request gets for the fields it leaves out.</summary>
public sealed record UiDefaults(int NfeStep, double Speed, ulong Seed, float CfgStrength, float SwaySamplingCoef, double CrossFadeDuration,
    int MaxTextChars, string? DefaultVoice);

/// <summary>GET /api/ui/device: the host and the compute device of each engine that has one loaded.</summary>
public sealed record UiDeviceReport(UiHost Host, IReadOnlyList<UiEngineDevice> Engines);

public sealed record UiHost(string Cpu, int LogicalCores, long MemoryBytes, long ProcessWorkingSetBytes, string Os, string Runtime);

/// <param name="Kind">"cpu" or "cuda".</param>
/// <param name="TotalMemoryBytes">device memory (a GPU's), null on the CPU.</param>
public sealed record UiEngineDevice(string Engine, string Kind, string Name, string Details, long? TotalMemoryBytes, long? AllocatedBytes,
    long? PeakReservedBytes);
