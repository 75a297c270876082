// At most max_parallel syntheses at once and a bounded wait queue in front of them: a request that
// finds the queue full is refused at once (429 with an estimated Retry-After) instead of stalling.
// On shutdown it stops admitting work and, after the grace period, cancels what still runs.
using System.Diagnostics;

namespace IShowTts.Server.Scheduling;

internal sealed class SynthesisScheduler : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _abort = new();
    private int _waiting;
    private int _running;
    private double _averageSeconds = 2.0;

    public SynthesisScheduler(int maxParallel, int queueCapacity)
    {
        if (maxParallel < 1) throw new ArgumentOutOfRangeException(nameof(maxParallel), maxParallel, "max_parallel must be at least 1");
        if (queueCapacity < 0) throw new ArgumentOutOfRangeException(nameof(queueCapacity), queueCapacity, "queue_capacity must not be negative");
        MaxParallel = maxParallel;
        QueueCapacity = queueCapacity;
        _slots = new SemaphoreSlim(maxParallel, maxParallel);
    }

    public int MaxParallel { get; }

    public int QueueCapacity { get; }

    public int Waiting => Volatile.Read(ref _waiting);

    public int Running => Volatile.Read(ref _running);

    public bool Stopping { get; private set; }

    /// <summary>Cancelled when shutdown's grace period is over: in-flight work stops.</summary>
    public CancellationToken Abort => _abort.Token;

    /// <summary>Seconds a client should wait before retrying, from the recent synthesis time and the queue.</summary>
    public int RetryAfterSeconds => (int)Math.Clamp(Math.Ceiling(_averageSeconds * (Waiting + 1) / MaxParallel), 1, 120);

    /// <summary>A slot (dispose it to free it), or Refused with the reason when the queue is full or the server stops.</summary>
    public async Task<Admission> EnterAsync(CancellationToken cancel)
    {
        lock (_gate)
        {
            if (Stopping) return Admission.Refused(RefusalReason.ShuttingDown);
            if (_slots.Wait(0)) return Admission.Admitted(new Slot(this));
            if (_waiting >= QueueCapacity) return Admission.Refused(RefusalReason.QueueFull);
            _waiting++;
        }
        try
        {
            await _slots.WaitAsync(cancel);
        }
        finally
        {
            lock (_gate) _waiting--;
        }
        if (Stopping)
        {
            _slots.Release();
            return Admission.Refused(RefusalReason.ShuttingDown);
        }
        return Admission.Admitted(new Slot(this));
    }

    /// <summary>Stops admitting work; in-flight work is cancelled after <paramref name="grace"/>.</summary>
    public void BeginShutdown(TimeSpan grace)
    {
        lock (_gate) Stopping = true;
        _abort.CancelAfter(grace);
    }

    /// <summary>Waits until no synthesis runs (or the token fires).</summary>
    public async Task DrainAsync(CancellationToken cancel)
    {
        while (Running > 0 && !cancel.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
    }

    // The semaphore is not disposed: a response still finishing may release its slot afterwards.
    public void Dispose() => _abort.Dispose();

    private void Record(double seconds) => _averageSeconds = 0.8 * _averageSeconds + 0.2 * seconds;

    public sealed class Slot : IDisposable
    {
        private readonly SynthesisScheduler _owner;
        private readonly long _start = Stopwatch.GetTimestamp();
        private int _released;

        internal Slot(SynthesisScheduler owner)
        {
            _owner = owner;
            Interlocked.Increment(ref owner._running);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            _owner.Record(Stopwatch.GetElapsedTime(_start).TotalSeconds);
            Interlocked.Decrement(ref _owner._running);
            _owner._slots.Release();
        }
    }
}
