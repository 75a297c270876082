// `ishowtts serve`: the product's main job — the HTTP API, the OpenAI-compatible endpoint and the
// web UI on http://127.0.0.1:27121 by default. Configuration → ServerOptions; everything else lives
// in IShowTts.Server.
using IShowTts.Configuration;
using IShowTts.Server;
using IShowTts.Synthesis.Composition;

namespace IShowTts.Cli.Commands;

public sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "run the server: HTTP API, OpenAI-compatible /v1, web UI (default http://127.0.0.1:27121)";

    public string Usage => """
        usage: ishowtts serve [--warmup] [--config FILE] [--set key=value …] [--urls URL[;URL…]]

          Serves the iShowTTS API (/api), the OpenAI-compatible speech endpoint (/v1), /health,
          /ready, /metrics, /openapi/v1.json and the web UI at /. Binds bind_addr (127.0.0.1:27121
          by default); a non-loopback address needs an API key (`ishowtts keys create NAME`) or
          `allow_insecure_lan = true`. --warmup loads the model and runs one synthesis per preloaded
          voice before serving. Ctrl+C finishes or cancels what is running, then stops.
        """;

    public async Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        bool warmup = args.Flag("warmup");
        var urls = args.String("urls");
        args.Finish();
        var config = context.Config;
        var (synth, f5) = ProductSynthesizer.Build(config, context.Log.Line);
        using (f5)
        {
            if (warmup)
            {
                context.Log.Line("warming up (model load and one synthesis per preloaded voice)…");
                await synth.WarmUpAsync(cancel);
            }
            else f5.TryProbe();
            var options = Options(config);
            var passThrough = urls is null ? Array.Empty<string>() : ["--urls", urls];
            try
            {
                await IShowTtsServer.RunAsync(synth, options, passThrough, cancel);
            }
            catch (ServerStartException e)
            {
                context.Log.Line($"ishowtts serve: {e.Message}");
                return 1;
            }
        }
        return 0;
    }

    public static ServerOptions Options(IShowTtsConfig config)
    {
        var api = config.Api;
        return new ServerOptions
        {
            Urls = [ServerOptions.UrlFromBindAddress(config.BindAddress)],
            MaxParallel = api.MaxParallel,
            QueueCapacity = api.QueueCapacity,
            RequestTimeout = TimeSpan.FromSeconds(api.RequestTimeoutSecs),
            MaxTextChars = api.MaxTextChars,
            MaxUploadBytes = api.MaxUploadBytes,
            MaxAudioSeconds = api.MaxAudioSeconds,
            ApiKeys = api.Keys.Select(k => new ConfiguredApiKey(k.Name, k.Key, k.Scopes)).ToArray(),
            AllowInsecureLan = api.AllowInsecureLan,
            CorsOrigins = api.CorsOrigins,
            DataDirectory = config.Paths.DataDirectory,
            EngineHints = new Dictionary<string, string>(),
            Danmaku = ChatConfiguration.Settings(config.Danmaku),
            ChatSpeech = ChatConfiguration.Speech(config.Danmaku.Tts),
        };
    }
}
