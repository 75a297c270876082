// The server's chat reader: built from ServerOptions.Danmaku with the server's Synthesizer as its
// synthesis, started with the host (channels enabled in the configuration are joined then) and
// disposed when the host stops. A chat platform that cannot be reached never stops the server: the
// clients back off and retry, and the reason shows in /api/danmaku/status and the log.
using IShowTts.Chat;
using IShowTts.Synthesis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Danmaku;

internal sealed class ChatService : IHostedService, IAsyncDisposable
{
    private readonly ILogger<ChatService> _logger;
    private int _disposed;

    public ChatService(Synthesizer synthesizer, ServerOptions options, ILogger<ChatService> logger, TimeProvider? time = null)
    {
        _logger = logger;
        var queue = options.Danmaku.Queue;
        Clips = new RecentClips(queue.Prefetch + queue.PlayerBuffer + queue.ResumeSize + 8);
        Speech = options.ChatSpeech;
        var synthesis = new ChatSynthesis(synthesizer, options.ChatSpeech, Clips);
        Reader = new ChatReader(options.Danmaku, synthesis.SynthesizeAsync,
            new ChatReaderOptions { Log = Log, Time = time ?? TimeProvider.System });
    }

    public ChatReader Reader { get; }

    public RecentClips Clips { get; }

    public PlayerRegistry Players { get; } = new();

    public ChatSpeechOptions Speech { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Reader.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError("chat: could not start the configured channels: {Reason}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Reader.DisposeAsync();
    }

    private void Log(ChatLogLevel level, string message)
    {
        var mapped = level switch
        {
            ChatLogLevel.Debug => LogLevel.Debug,
            ChatLogLevel.Information => LogLevel.Information,
            ChatLogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        _logger.Log(mapped, "{Line}", message);
    }
}
