// The server's composition root, what `ishowtts serve` calls: builds the ASP.NET Core app around a built
// Synthesizer and ServerOptions (services, problem details, limits, security, one Map<Area>Api per area)
// and runs it until Ctrl+C / SIGTERM, then drains in-flight work. No routes or logic live here.
using System.Text.Json;
using IShowTts.Server.Apis;
using IShowTts.Server.Danmaku;
using IShowTts.Server.Hosting;
using IShowTts.Server.Observability;
using IShowTts.Server.Persistence;
using IShowTts.Server.Problems;
using IShowTts.Server.Scheduling;
using IShowTts.Server.Security;
using IShowTts.Server.Streaming;
using IShowTts.Synthesis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server;

public static class IShowTtsServer
{
    /// <summary>
    /// Builds the server; nothing listens until it is started. <paramref name="args"/> are ASP.NET Core's usual
    /// command-line overrides (--urls, --Logging:LogLevel:Default=Debug); ASPNETCORE_URLS works too and both win
    /// over <see cref="ServerOptions.Urls"/>. Throws ServerStartException when the configuration must not start
    /// (a public address with no API key, unreadable saved voices).
    /// </summary>
    public static WebApplication Build(Synthesizer synthesizer, ServerOptions options, string[]? args = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        var urls = builder.Configuration["urls"] is { Length: > 0 } fromArgs
            ? fromArgs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. options.Urls];
        builder.WebHost.UseUrls(urls);

        ConfigureLogging(builder.Logging, options, logging);
        if (options.Danmaku.Validate() is { Count: > 0 } chatProblems)
            throw new ServerStartException("invalid [danmaku] settings: " + string.Join("; ", chatProblems));
        var keyStore = new ApiKeyStore(options.DataDirectory);
        var keys = new KeyRing(options.ApiKeys, keyStore);
        var policy = AccessPolicy.Decide(urls, options, keys.Count);

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes + 1024 * 1024;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes + 1024 * 1024);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownGrace + TimeSpan.FromSeconds(5));
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            j.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails(p => p.CustomizeProblemDetails = ProblemShape.Customize);
        builder.Services.AddOpenApi();
        if (options.CorsOrigins.Count > 0)
            builder.Services.AddCors(c => c.AddDefaultPolicy(p =>
            {
                if (options.CorsOrigins.Contains("*")) p.AllowAnyOrigin();
                else p.WithOrigins([.. options.CorsOrigins.Select(o => o.TrimEnd('/'))]);
                p.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(SpeechHeaders.Exposed);
            }));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(synthesizer);
        builder.Services.AddSingleton(_ => new SynthesisScheduler(options.MaxParallel, options.QueueCapacity));
        builder.Services.AddSingleton(policy);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<SpeechService>();
        builder.Services.AddSingleton<ChatService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChatService>());
        builder.Services.AddSingleton(_ => new IShowTts.Ops.Quality.QualitySessionStore(IShowTts.Ops.Quality.QualitySessionStore.DefaultRoot(options.DataDirectory)));
        builder.Services.AddSingleton(sp => new VoiceStore(options.DataDirectory, synthesizer.Voices, sp.GetRequiredService<ILogger<VoiceStore>>()));

        var app = builder.Build();
        app.Services.GetRequiredService<VoiceStore>();   // load saved voices now: a broken file stops the start, not the first request
        StartupReport.Register(app, options, policy, urls, keys);
        GracefulShutdown.Register(app, app.Services.GetRequiredService<SynthesisScheduler>(), options);

        app.UseMiddleware<RequestTracking>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRouting();
        if (options.CorsOrigins.Count > 0) app.UseCors();
        app.UseMiddleware<AccessGuard>();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = WebRoot(options) });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = WebRoot(options) });

        app.MapOpenApi();
        app.MapOperationsApi();
        app.MapSpeechApi();
        app.MapVoicesApi();
        app.MapOpenAiApi();
        app.MapDanmakuApi();
        app.MapDanmakuQueueApi();
        app.MapDanmakuPlaybackApi();
        app.MapQualityApi();
        app.MapWebUi();
        return app;
    }

    /// <summary>Builds and runs the server until <paramref name="cancel"/> fires or the process is asked to stop.</summary>
    public static async Task RunAsync(Synthesizer synthesizer, ServerOptions options, string[]? args = null, CancellationToken cancel = default)
    {
        await using var app = Build(synthesizer, options, args);
        await app.StartAsync(cancel);
        await app.WaitForShutdownAsync(cancel);
    }

    /// <summary>The addresses Kestrel listens on once started (port 0 resolved to the real port).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    private static void ConfigureLogging(ILoggingBuilder logging, ServerOptions options, Action<ILoggingBuilder>? extra)
    {
        logging.ClearProviders();
        if (options.JsonLogs) logging.AddJsonConsole(j => j.IncludeScopes = true);
        else logging.AddSimpleConsole(s => { s.IncludeScopes = true; s.SingleLine = true; s.TimestampFormat = "HH:mm:ss "; });
        // The hosting logger writes whole URLs, query strings (?key=) included, and its scope repeats Kestrel's ids:
        // RequestTracking logs the path and our request id instead.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Http", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Warning);
        extra?.Invoke(logging);
    }

    private static IFileProvider WebRoot(ServerOptions options)
    {
        var path = options.WebRootPath ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(path) ? new PhysicalFileProvider(Path.GetFullPath(path)) : new NullFileProvider();
    }
}
