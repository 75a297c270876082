// The real server for browser tests, in process on a free loopback port: espeak (fast, for speech and
// chat) plus F5 with the tiny golden checkpoint on the CPU, or an F5 whose model is missing (to show
// the download instructions). Chat reads nothing from the network: Twitch and YouTube point at a closed
// local port.
using IShowTts.Chat.Settings;
using IShowTts.Engine;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Server;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.TestSupport;
using IShowTts.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace IShowTts.Ui.Tests;

internal sealed class UiServer : IAsyncDisposable
{
    public const string F5Voice = "streamer";
    public const string EspeakVoice = "espeak-en";
    public const string ReferenceText = "This is the reference recording.";

    private UiServer(WebApplication app, ServerOptions options, Synthesizer synthesizer)
    {
        App = app;
        Synthesizer = synthesizer;
        Options = options;
        var address = IShowTtsServer.Addresses(app).First();
        BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1") + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
    }

    public WebApplication App { get; }
    public Synthesizer Synthesizer { get; }
    public ServerOptions Options { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    public static bool EspeakReady => new EspeakEngine().Status.Ready;

    /// <summary>The shortest golden WAV: a real voice recording (short keeps F5 fast).</summary>
    public static string ReferenceWav => Shortest.Value;

    private static readonly Lazy<string> Shortest = new(() =>
        Golden.Find("*.wav").OrderBy(f => IShowTts.Audio.AudioDecoder.Decode(f, 0).Seconds).First());

    /// <param name="f5Loaded">false: F5 has no model (not ready, with the download hint).</param>
    public static async Task<UiServer> StartAsync(bool f5Loaded = true)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ishowtts-ui-").FullName;
        var options = new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            DataDirectory = dataDirectory,
            // ISHOWTTS_UI_WEBROOT=src/IShowTts.Server/wwwroot serves the pages from the source tree (no rebuild per edit).
            WebRootPath = Environment.GetEnvironmentVariable("ISHOWTTS_UI_WEBROOT") is { Length: > 0 } root ? Path.GetFullPath(root) : null,
            ShutdownGrace = TimeSpan.FromSeconds(2),
            Danmaku = new DanmakuSettings
            {
                Twitch = new TwitchSettings { Transport = TwitchTransport.Tcp, Server = "127.0.0.1", Port = 9 },
                YouTube = new YouTubeSettings { ApiKey = "ui-test", BaseUrl = "http://127.0.0.1:9/", TokenUrl = "http://127.0.0.1:9/token" },
                Tts = new TtsSettings { VoiceId = EspeakVoice, Engine = "espeak" },
            },
        };
        var modelDir = Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!;
        var f5 = f5Loaded
            ? new F5Engine(() => F5Tts.Load(ModelFiles.Resolve(modelDir), new CpuBackend()), Vocabulary.Default, null)
            : new F5Engine(() => F5Tts.Load(ModelFiles.Resolve(Path.Combine(dataDirectory, "models", "F5TTS_v1_Base")), new CpuBackend()), Vocabulary.Default, null);
        var catalog = new VoiceCatalog();
        catalog.Load([new Voice(F5Voice, "f5", "en-US", ReferenceWav, ReferenceText, Label: "Streamer")]);
        var synthesizer = new Synthesizer([f5, new EspeakEngine()], catalog,
            new SynthesizerOptions(f5Loaded ? F5Voice : EspeakVoice, new SpeakOptions(NfeStep: 2)));
        f5.TryLoad();
        var app = IShowTtsServer.Build(synthesizer, options, logging: l => l.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new UiServer(app, options, synthesizer);
    }

    /// <summary>The URL of a page of this server ("", "#voices", "overlay?font=40").</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(Options.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
