// The real server on a free loopback port (Kestrel, port 0), over the real engines: F5 with the tiny
// golden checkpoint on the CPU backend (profiled, so tests can count sampling steps) and espeak. Each
// instance has its own data directory unless one is given (restarts reuse it).
using IShowTts.Engine;
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Tensors;
using IShowTts.Server;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;
using IShowTts.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Tests;

internal sealed class TestServer : IAsyncDisposable
{
    public const string F5Voice = "streamer";
    public const string ReferenceText = "This is the reference recording.";

    private TestServer(WebApplication app, Synthesizer synthesizer, F5Engine? f5, ProfilingBackend? profiler, ServerOptions options, LogSink logs)
    {
        App = app;
        Synthesizer = synthesizer;
        F5 = f5;
        Profiler = profiler;
        Options = options;
        Logs = logs;
        var address = IShowTtsServer.Addresses(app).First();
        BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1") + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public WebApplication App { get; }
    public Synthesizer Synthesizer { get; }
    public F5Engine? F5 { get; }
    public ProfilingBackend? Profiler { get; }
    public ServerOptions Options { get; }
    public LogSink Logs { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    /// <summary>The server's scheduler, to wait for a request to be running or queued.</summary>
    public Scheduling.SynthesisScheduler Scheduler => (Scheduling.SynthesisScheduler)App.Services.GetService(typeof(Scheduling.SynthesisScheduler))!;

    /// <summary>Waits until <paramref name="condition"/> holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }

    public long SamplingSteps => Profiler is not null && Profiler.Stats.TryGetValue("euler_cfg", out var s) ? s.Calls : 0;

    /// <summary>Options for a loopback test server with its own data directory.</summary>
    public static ServerOptions DefaultOptions(string? dataDirectory = null) => new()
    {
        Urls = ["http://127.0.0.1:0"],
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("ishowtts-server-").FullName,
        ShutdownGrace = TimeSpan.FromSeconds(5),
    };

    /// <summary>Starts a server; <paramref name="synthesizer"/> defaults to the golden F5 voice "streamer" plus espeak.</summary>
    public static async Task<TestServer> StartAsync(ServerOptions? options = null, Synthesizer? synthesizer = null, int nfe = 2, int clipCache = 512,
        string[]? args = null, IEnumerable<Voice>? extraVoices = null)
    {
        options ??= DefaultOptions();
        ProfilingBackend? profiler = null;
        F5Engine? f5 = null;
        if (synthesizer is null)
        {
            profiler = new ProfilingBackend(new CpuBackend()) { Enabled = true };
            var modelDir = Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!;
            var backend = profiler;
            f5 = new F5Engine(() => F5Tts.Load(ModelFiles.Resolve(modelDir), backend), Vocabulary.Default, null);
            var catalog = new VoiceCatalog();
            catalog.Load([new Voice(F5Voice, "f5", "en-US", ReferenceWav, ReferenceText, Label: "Streamer"), .. extraVoices ?? []]);
            synthesizer = new Synthesizer([f5, new EspeakEngine()], catalog, new SynthesizerOptions(F5Voice, new SpeakOptions(NfeStep: nfe), ClipCacheSize: clipCache));
            f5.TryLoad();
        }
        var logs = new LogSink();
        var app = IShowTtsServer.Build(synthesizer, options, args, l => { l.ClearProviders(); l.AddProvider(logs); });
        await app.StartAsync();
        return new TestServer(app, synthesizer, f5, profiler, options, logs);
    }

    private static readonly Lazy<string> Shortest = new(() =>
        Golden.Find("*.wav").OrderBy(f => IShowTts.Audio.AudioDecoder.Decode(f, 0).Seconds).First());

    /// <summary>The shortest golden WAV: a real voice recording, whatever the set holds (short keeps F5 fast).</summary>
    public static string ReferenceWav => Shortest.Value;

    public static bool EspeakReady => new EspeakEngine().Status.Ready;

    public static void RequireEspeak()
    {
        if (!EspeakReady) Assert.Skip("libespeak-ng is not installed (Debian packages libespeak-ng1 espeak-ng-data)");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
