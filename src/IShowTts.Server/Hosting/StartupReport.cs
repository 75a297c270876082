// What the server says when it has started: where it listens, its limits and whether keys are required;
// a warning for the insecure-LAN opt-out (at every start), for each engine that is not ready (with what
// to do) and each unusable voice. It also stops a server that ended up on a public address without keys
// through a route Build could not see (Kestrel endpoints in appsettings).
using IShowTts.Server.Security;
using IShowTts.Synthesis;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Hosting;

internal static class StartupReport
{
    public static void Register(WebApplication app, ServerOptions options, AccessPolicy policy, IReadOnlyList<string> urls, KeyRing keys)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IShowTts.Server");
        var synthesizer = app.Services.GetRequiredService<Synthesizer>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = IShowTtsServer.Addresses(app);
            log.LogInformation("ishowtts serving on {Addresses}: {Voices} voices, max_parallel {MaxParallel}, queue {Queue}, keys {Keys}",
                string.Join(", ", addresses), synthesizer.Voices.All.Count, options.MaxParallel, options.QueueCapacity,
                policy.KeysRequired ? $"required ({keys.Count})" : "not required (loopback only)");
            if (policy.InsecureLan)
                log.LogWarning("Serving {Addresses} WITHOUT API keys (allow_insecure_lan = true): anyone on the network can use and change this server. " +
                               "Create a key with `ishowtts keys create` and remove allow_insecure_lan to close it.", string.Join(", ", urls));
            foreach (var engine in synthesizer.Engines)
                if (!engine.Status.Ready)
                    log.LogWarning("{Engine} is not ready: {Reason} {Hint}", engine.Label, engine.Status.Reason, options.EngineHints.GetValueOrDefault(engine.Id));
            foreach (var p in synthesizer.Voices.Problems) log.LogWarning("voice '{Voice}' is unusable: {Reason}", p.VoiceId, p.Reason);
            // A safety net for listen addresses configured in ways Build could not see (Kestrel endpoints in appsettings).
            if (!policy.KeysRequired && !policy.InsecureLan && !addresses.All(ListenAddresses.IsLoopback))
            {
                log.LogCritical("listening on a non-loopback address ({Addresses}) with no API key required: stopping", string.Join(", ", addresses));
                app.Lifetime.StopApplication();
            }
        });
    }
}
