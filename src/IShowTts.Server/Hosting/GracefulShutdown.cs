// Ctrl+C / SIGTERM: the scheduler stops admitting syntheses (503 shutting-down), running ones get the
// grace period to finish and are cancelled after it; Kestrel waits for their responses (HostOptions'
// shutdown timeout is the grace plus a margin).
using IShowTts.Server.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Hosting;

internal static class GracefulShutdown
{
    public static void Register(WebApplication app, SynthesisScheduler scheduler, ServerOptions options)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IShowTts.Server");
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            log.LogInformation("stopping: no new syntheses; {Running} running get {Grace:0.#} s to finish", scheduler.Running, options.ShutdownGrace.TotalSeconds);
            scheduler.BeginShutdown(options.ShutdownGrace);
        });
    }
}
