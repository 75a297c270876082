// A clock the test moves: GetUtcNow stands still until Advance, and timers (Task.Delay, WaitAsync and
// CancellationTokenSource with this provider) fire only when Advance passes their due time.
// WaitForTimerAsync lets a test wait until the code under test has started the wait it expects.
namespace IShowTts.Chat.Tests.Internal;

internal sealed class ManualTimeProvider(DateTimeOffset? start = null) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start ?? new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Time left until each armed timer fires, soonest first.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays
    {
        get
        {
            lock (_gate) return [.. _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - _now).Order()];
        }
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate) target = _now + by;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due is { } due && due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    _now = target;
                    break;
                }
                _now = next.Due!.Value;
                next.Due = next.Period is { } period && period > TimeSpan.Zero ? _now + period : null;
            }
            next.Fire();
        }
        Notify();
    }

    /// <summary>Waits (in real time, up to <paramref name="timeout"/>) until an armed timer satisfies <paramref name="match"/>.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (PendingDelays.Any(match)) return;
            try { await changed.WaitAsync(limit.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no timer {what ?? "matching"} was started; pending: [{string.Join(", ", PendingDelays)}]");
            }
        }
    }

    private void Notify()
    {
        TaskCompletionSource changed;
        lock (_gate) (changed, _changed) = (_changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        changed.TrySetResult();
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this)) owner._timers.Add(this);
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? null : period;
            }
            owner.Notify();
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate) owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
