// A SpeechQueue on a manual clock with a test synthesiser (instant by default, or held until the test
// opens the gate), a subscription to its changes and helpers to wait for an item's state.
using System.Collections.Concurrent;
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests.Queue;

internal sealed class QueueHarness : IAsyncDisposable
{
    private readonly Func<QueueItem, CancellationToken, Task<SpeechClip>>? _synth;
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public QueueHarness(QueueSettings? queue = null, TtsSettings? tts = null, Func<QueueItem, CancellationToken, Task<SpeechClip>>? synth = null,
        bool gated = false, double clipSeconds = 1)
    {
        _synth = synth;
        Gated = gated;
        ClipSeconds = clipSeconds;
        Queue = new SpeechQueue(queue ?? new QueueSettings(), tts ?? new TtsSettings(), SynthesizeAsync, Time, Log.Log);
        Changes = Queue.Subscribe();
        Queue.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public LogCapture Log { get; } = new();

    public SpeechQueue Queue { get; }

    public EventSubscription<QueueItemChange> Changes { get; }

    public ConcurrentQueue<string> SynthesisCalls { get; } = new();

    public bool Gated { get; set; }

    public double ClipSeconds { get; }

    /// <summary>Lets every held synthesis (and all later ones) finish.</summary>
    public void OpenGate()
    {
        Gated = false;
        _gate.TrySetResult();
    }

    public SubmitResult Enqueue(string text, string user = "viewer", ChatPriority priority = ChatPriority.Normal, string channel = "streamer") =>
        Queue.Enqueue(Messages.Chat(text, user, priority, channel), text);

    public Task<QueueItemChange> WaitAsync(long itemId, QueueItemState state) =>
        Changes.NextAsync(c => c.Item.Id == itemId && c.State == state, $"item {itemId} to become {state}");

    public Task<QueueItemChange> WaitAsync(SubmitResult submitted, QueueItemState state) => WaitAsync(submitted.Item.Id, state);

    private async Task<SpeechClip> SynthesizeAsync(QueueItem item, CancellationToken cancellationToken)
    {
        SynthesisCalls.Enqueue(item.Text);
        if (_synth is not null) return await _synth(item, cancellationToken);
        if (Gated) await _gate.Task.WaitAsync(cancellationToken);
        return SpeechClip.FromSamples(new float[(int)(ClipSeconds * 24_000)], 24_000);
    }

    public async ValueTask DisposeAsync()
    {
        Changes.Dispose();
        await Queue.DisposeAsync();
    }
}
