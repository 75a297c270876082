// The speech queue: admission (capacity, rate, duplicates, per-user quota), the approval list,
// priority order (then arrival), synthesis ahead of playback through the injected delegate (with its
// timeout), paced playout to every connected player with acknowledgements and resend on reconnect,
// moderation removals, operator controls, history and a counter for every reason a message did not
// play. Knows no engine and no HTTP. One lock guards all state; a pump task does the timed work.
using IShowTts.Chat.Internal;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Queue;

public sealed class SpeechQueue : IAsyncDisposable
{
    private static readonly TimeSpan QuotaWindow = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Func<QueueItem, CancellationToken, Task<SpeechClip>> _synthesize;
    private readonly TimeProvider _time;
    private readonly ChatLog _log;
    private readonly Broadcaster<QueueItemChange> _changes = new();
    private readonly CancellationTokenSource _stopping = new();

    private readonly List<QueueEntry> _approvals = [];
    private readonly List<QueueEntry> _waiting = [];
    private readonly List<QueueEntry> _synthesizing = [];
    private readonly List<QueueEntry> _ready = [];
    private readonly List<QueueEntry> _playing = [];
    private readonly LinkedList<QueueEntry> _sent = new();
    private readonly LinkedList<HistoryEntry> _history = new();
    private readonly List<PlayerSession> _players = [];

    private readonly Dictionary<DropReason, long> _notSpoken = [];
    private readonly Dictionary<string, DateTimeOffset> _recentTexts = [];
    private readonly Dictionary<string, Queue<(DateTimeOffset At, int Chars)>> _userChars = [];

    private QueueSettings _settings;
    private TtsSettings _tts;
    private double _rateTokens = double.NaN;
    private DateTimeOffset _rateRefilledAt;
    private long _lastId;
    private long _lastSequence;
    private long _admitted;
    private long _played;
    private long _skipped;
    private bool _paused;
    private bool _disposed;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _pump;

    /// <param name="synthesize">Turns an item into audio; called ahead of playback, at most one at a time,
    /// cancelled when the item is removed and abandoned after tts.timeout_secs.</param>
    public SpeechQueue(QueueSettings settings, TtsSettings tts, Func<QueueItem, CancellationToken, Task<SpeechClip>> synthesize,
        TimeProvider? time = null, ChatLog? log = null)
    {
        ThrowIfInvalid(settings.Validate(), "queue");
        ThrowIfInvalid(tts.Validate(), "tts");
        _settings = settings;
        _tts = tts;
        _synthesize = synthesize;
        _time = time ?? TimeProvider.System;
        _log = log ?? ((_, _) => { });
        Voices = new VoiceMap(tts);
    }

    public VoiceMap Voices { get; }

    public QueueSettings Settings
    {
        get { lock (_gate) return _settings; }
    }

    public TtsSettings Tts
    {
        get { lock (_gate) return _tts; }
    }

    public bool IsPaused
    {
        get { lock (_gate) return _paused; }
    }

    /// <summary>Starts the pump (synthesis ahead, playout, timeouts). Idempotent.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pump ??= Task.Run(() => PumpAsync(_stopping.Token));
        }
    }

    public QueueSettings UpdateSettings(Func<QueueSettings, QueueSettings> change)
    {
        lock (_gate)
        {
            var next = change(_settings);
            ThrowIfInvalid(next.Validate(), "queue");
            _settings = next;
        }
        Signal();
        return _settings;
    }

    public TtsSettings UpdateTts(Func<TtsSettings, TtsSettings> change)
    {
        lock (_gate)
        {
            var next = change(_tts);
            ThrowIfInvalid(next.Validate(), "tts");
            _tts = next;
            Voices.SetDefault(next.VoiceId, next.Engine);
            return next;
        }
    }

    /// <summary>Every state change of every item from now on (filtered messages included).</summary>
    public EventSubscription<QueueItemChange> Subscribe() => _changes.Subscribe();

    /// <summary>Builds the item for a message whose filtered text is <paramref name="text"/>: id, spoken text, voice.</summary>
    public QueueItem CreateItem(ChatMessage message, string text)
    {
        var template = Tts.MessageTemplate;
        var spoken = message.Content.Kind == ChatContentKind.System ? text
            : template.Replace("{user}", message.SpeakerName, StringComparison.Ordinal).Replace("{message}", text, StringComparison.Ordinal);
        var (voice, engine) = Voices.Resolve(message);
        return new QueueItem(Interlocked.Increment(ref _lastId), message, text, spoken, voice, engine, _time.GetUtcNow());
    }

    /// <summary>Records a message the filters rejected: counted, logged, published; never queued.</summary>
    public SubmitResult RecordFiltered(ChatMessage message, string text, DropReason reason, string? detail = null)
    {
        var entry = new QueueEntry(CreateItem(message, text));
        lock (_gate) Finish(entry, QueueItemState.Filtered, reason, detail, by: null);
        return new SubmitResult(entry.Item, QueueItemState.Filtered, reason, detail);
    }

    /// <summary>Admits a message that passed the filters, or drops it with the reason.</summary>
    public SubmitResult Enqueue(ChatMessage message, string text)
    {
        var entry = new QueueEntry(CreateItem(message, text));
        SubmitResult result;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            result = Admit(entry, exempt: false);
        }
        Signal();
        return result;
    }

    /// <summary>Puts a message in the approval list (moderator-approval mode).</summary>
    public SubmitResult Hold(ChatMessage message, string text)
    {
        var entry = new QueueEntry(CreateItem(message, text));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            if (IsDuplicate(entry.Item, now, out var detail))
                return Drop(entry, DropReason.Duplicate, detail);
            if (_approvals.Count >= _settings.Capacity)
                return Drop(entry, DropReason.ApprovalListFull, $"{_approvals.Count} messages already wait for approval");
            RememberText(entry.Item, now);
            entry.State = QueueItemState.AwaitingApproval;
            _approvals.Add(entry);
            Publish(entry, QueueItemState.AwaitingApproval);
            return new SubmitResult(entry.Item, QueueItemState.AwaitingApproval);
        }
    }

    /// <summary>A moderator lets a held message through: it enters the queue (only capacity can still drop it).</summary>
    public SubmitResult? Approve(long itemId, string? by = null)
    {
        SubmitResult result;
        lock (_gate)
        {
            var held = _approvals.Find(e => e.Item.Id == itemId);
            if (held is null) return null;
            _approvals.Remove(held);
            var fresh = new QueueEntry(held.Item with { ReceivedAt = _time.GetUtcNow() });
            result = Admit(fresh, exempt: true, by);
        }
        Signal();
        return result;
    }

    /// <summary>A moderator rejects a held message.</summary>
    public bool Reject(long itemId, string? by = null)
    {
        lock (_gate)
        {
            var held = _approvals.Find(e => e.Item.Id == itemId);
            if (held is null) return false;
            _approvals.Remove(held);
            Finish(held, QueueItemState.Filtered, DropReason.RejectedByModerator, "rejected", by);
            return true;
        }
    }

    /// <summary>Skips the item playing now (players are told to stop it). False when nothing plays.</summary>
    public bool Skip(string? by = null)
    {
        lock (_gate)
        {
            if (_playing.Count == 0) return false;
            var head = _playing[0];
            _playing.RemoveAt(0);
            SendToPlayers(new PlayoutEvent(PlayoutEventKind.Stop, ItemId: head.Item.Id, Reason: "skipped"));
            Complete(head, QueueItemState.Skipped, by, acknowledged: false);
            ArmHead(_time.GetUtcNow());
        }
        Signal();
        return true;
    }

    /// <summary>Removes one item wherever it is (approval list, queue, synthesis, playing). False when unknown or finished.</summary>
    public bool Remove(long itemId, string? by = null)
    {
        int removed;
        lock (_gate) removed = RemoveWhere(e => e.Item.Id == itemId, DropReason.RemovedByOperator, "removed", by);
        Signal();
        return removed > 0;
    }

    /// <summary>Removes everything not yet finished, the playing items included. Returns how many.</summary>
    public int Clear(string? by = null)
    {
        int removed;
        lock (_gate) removed = RemoveWhere(_ => true, DropReason.Cleared, "queue cleared", by);
        Signal();
        return removed;
    }

    /// <summary>Removes every unfinished item of a channel that is no longer read (the playing one is stopped). Returns how many.</summary>
    public int RemoveChannel(ChatPlatform platform, string channel, string? by = null)
    {
        var name = channel.Trim().TrimStart('#');
        int removed;
        lock (_gate)
            removed = RemoveWhere(e => e.Item.Message.Platform == platform
                && string.Equals(e.Item.Message.Channel.TrimStart('#'), name, StringComparison.OrdinalIgnoreCase),
                DropReason.ChannelStopped, $"{platform}/{name} is no longer read", by);
        if (removed > 0) Signal();
        return removed;
    }

    /// <summary>Obeys a platform moderation action: removes what it names and stops it if playing. Returns how many.</summary>
    public int ApplyModeration(ModerationEvent moderation)
    {
        int removed;
        var detail = moderation.Kind switch
        {
            ModerationKind.MessageDeleted => $"message {moderation.TargetMessageId} deleted by a moderator",
            ModerationKind.UserTimedOut => $"{moderation.TargetUsername ?? moderation.TargetUserId} timed out",
            ModerationKind.UserBanned => $"{moderation.TargetUsername ?? moderation.TargetUserId} banned",
            _ => "chat cleared by a moderator",
        };
        lock (_gate) removed = RemoveWhere(e => Targets(moderation, e.Item.Message), DropReason.RemovedByModeration, detail, by: moderation.Platform.ToString());
        if (removed > 0) Signal();
        return removed;
    }

    /// <summary>Stops sending new items to players (the playing one finishes; synthesis ahead goes on).</summary>
    public void Pause()
    {
        lock (_gate)
        {
            if (_paused) return;
            _paused = true;
            SendToPlayers(new PlayoutEvent(PlayoutEventKind.Paused));
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            if (!_paused) return;
            _paused = false;
            SendToPlayers(new PlayoutEvent(PlayoutEventKind.Resumed));
        }
        Signal();
    }

    /// <summary>Connects a player: it is sent every unacknowledged item still playing or kept for resume, then live events.</summary>
    public PlayerSession OpenPlayer(string? name = null)
    {
        PlayerSession session;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            session = new PlayerSession(this, name ?? $"player-{_players.Count + 1}");
            var resend = _sent.Where(e => !e.Acknowledged && e.State is QueueItemState.Playing or QueueItemState.Played)
                .Concat(_playing.Where(e => !_sent.Contains(e)))
                .OrderBy(e => e.Sequence);
            foreach (var entry in resend)
                session.Send(new PlayoutEvent(PlayoutEventKind.Play, entry.Item, entry.Clip, entry.Sequence, Resent: true));
            if (_paused) session.Send(new PlayoutEvent(PlayoutEventKind.Paused));
            _players.Add(session);
        }
        Signal();
        return session;
    }

    internal void ClosePlayer(PlayerSession session)
    {
        lock (_gate) _players.Remove(session);
    }

    internal bool Acknowledge(long itemId, string player)
    {
        lock (_gate)
        {
            var index = _playing.FindIndex(e => e.Item.Id == itemId);
            if (index >= 0)
            {
                var entry = _playing[index];
                _playing.RemoveAt(index);
                entry.Acknowledged = true;
                Complete(entry, QueueItemState.Played, player, acknowledged: true);
                if (index == 0) ArmHead(_time.GetUtcNow());
            }
            else
            {
                var late = _sent.FirstOrDefault(e => e.Item.Id == itemId);
                if (late is null || late.Acknowledged) return false;
                late.Acknowledged = true;
                return true;
            }
        }
        Signal();
        return true;
    }

    /// <summary>Items not finished, in the order they will play: playing, ready, synthesising, then waiting by priority.</summary>
    public IReadOnlyList<QueueItemChange> Snapshot()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return [.. _playing.Concat(Ordered(_ready)).Concat(_synthesizing).Concat(Ordered(_waiting))
                .Select(e => new QueueItemChange(e.Item, e.State, now))];
        }
    }

    public IReadOnlyList<QueueItem> PendingApprovals()
    {
        lock (_gate) return [.. _approvals.Select(e => e.Item)];
    }

    /// <summary>Finished items, newest first.</summary>
    public IReadOnlyList<HistoryEntry> History()
    {
        lock (_gate) return [.. _history];
    }

    public QueueStatistics Statistics()
    {
        lock (_gate)
            return new QueueStatistics(_admitted, _played, _skipped, new Dictionary<DropReason, long>(_notSpoken),
                _waiting.Count + _synthesizing.Count + _ready.Count, _approvals.Count, _paused, _players.Count);
    }

    public async ValueTask DisposeAsync()
    {
        Task? pump;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            pump = _pump;
            foreach (var entry in _approvals.Concat(_waiting).Concat(_synthesizing).Concat(_ready).ToList())
            {
                Finish(entry, QueueItemState.Dropped, DropReason.ShuttingDown, "the reader stopped", by: null);
                CancelSynthesis(entry);
            }
            _approvals.Clear(); _waiting.Clear(); _synthesizing.Clear(); _ready.Clear();
        }
        await _stopping.CancelAsync();
        if (pump is not null)
        {
            try { await pump; }
            catch (OperationCanceledException) { }
        }
        lock (_gate)
        {
            foreach (var player in _players) player.Complete();
            _players.Clear();
        }
        _changes.CompleteAll();
        _stopping.Dispose();
    }

    // ---- admission ----

    private SubmitResult Admit(QueueEntry entry, bool exempt, string? by = null)
    {
        var now = _time.GetUtcNow();
        var settings = _settings;
        var item = entry.Item;
        var limited = !exempt && item.Priority < ChatPriority.Paid;
        if (!exempt && IsDuplicate(item, now, out var duplicate))
            return Drop(entry, DropReason.Duplicate, duplicate);
        var userKey = UserKey(item.Message);
        if (limited && settings.UserCharsPerMinute > 0)
        {
            var used = _userChars.TryGetValue(userKey, out var spent) ? Trim(spent, now).Sum(s => s.Chars) : 0;
            if (used + item.Text.Length > settings.UserCharsPerMinute)
                return Drop(entry, DropReason.UserQuotaExceeded,
                    $"{item.Message.Username} used {used} of {settings.UserCharsPerMinute} characters this minute");
        }
        if (limited && settings.RateLimitPerSec > 0 && !TakeRateToken(settings.RateLimitPerSec, now))
            return Drop(entry, DropReason.RateLimited, $"more than {settings.RateLimitPerSec:0.##} messages per second");
        if (_waiting.Count + _synthesizing.Count + _ready.Count >= settings.Capacity)
        {
            var victim = _waiting.Where(e => e.Item.Priority < item.Priority)
                .OrderBy(e => e.Item.Priority).ThenByDescending(e => e.Item.Id).FirstOrDefault();
            if (victim is null)
                return Drop(entry, DropReason.QueueFull, $"the queue holds {settings.Capacity} items");
            _waiting.Remove(victim);
            Finish(victim, QueueItemState.Dropped, DropReason.QueueFull, "made room for a higher-priority message", by: null);
        }

        RememberText(item, now);
        if (settings.UserCharsPerMinute > 0)
        {
            if (!_userChars.TryGetValue(userKey, out var spent)) _userChars[userKey] = spent = new Queue<(DateTimeOffset, int)>();
            spent.Enqueue((now, item.Text.Length));
        }
        _admitted++;
        entry.State = QueueItemState.Queued;
        _waiting.Add(entry);
        _changes.Publish(new QueueItemChange(item, QueueItemState.Queued, now, Detail: by is null ? null : "approved", By: by));
        return new SubmitResult(item, QueueItemState.Queued);
    }

    // A token bucket: refills at rate per second up to max(1, rate); one admitted message takes one token.
    private bool TakeRateToken(double rate, DateTimeOffset now)
    {
        var capacity = Math.Max(1, rate);
        _rateTokens = double.IsNaN(_rateTokens) ? capacity
            : Math.Min(capacity, _rateTokens + Math.Max(0, (now - _rateRefilledAt).TotalSeconds) * rate);
        _rateRefilledAt = now;
        if (_rateTokens < 1) return false;
        _rateTokens -= 1;
        return true;
    }

    private bool IsDuplicate(QueueItem item, DateTimeOffset now, out string detail)
    {
        detail = "";
        var window = TimeSpan.FromSeconds(_settings.DuplicateWindowSecs);
        if (window <= TimeSpan.Zero || !_recentTexts.TryGetValue(DuplicateKey(item), out var last) || now - last >= window)
            return false;
        detail = $"{item.Message.Username} said the same {Math.Max(0, (int)(now - last).TotalSeconds)} s ago";
        return true;
    }

    private void RememberText(QueueItem item, DateTimeOffset now)
    {
        var window = TimeSpan.FromSeconds(_settings.DuplicateWindowSecs);
        if (window <= TimeSpan.Zero) return;
        _recentTexts[DuplicateKey(item)] = now;
        if (_recentTexts.Count > 4096)
            foreach (var (key, at) in _recentTexts.ToList())
                if (now - at >= window) _recentTexts.Remove(key);
        if (_userChars.Count > 4096)
            foreach (var (key, spent) in _userChars.ToList())
                if (Trim(spent, now).Count == 0) _userChars.Remove(key);
    }

    private static Queue<(DateTimeOffset At, int Chars)> Trim(Queue<(DateTimeOffset At, int Chars)> spent, DateTimeOffset now)
    {
        while (spent.Count > 0 && now - spent.Peek().At >= QuotaWindow) spent.Dequeue();
        return spent;
    }

    private static string UserKey(ChatMessage message) =>
        $"{message.Platform}/{message.Channel.ToLowerInvariant()}/{(message.UserId ?? message.Username).ToLowerInvariant()}";

    private static string DuplicateKey(QueueItem item) =>
        UserKey(item.Message) + "\n" + string.Join(' ', item.Text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private SubmitResult Drop(QueueEntry entry, DropReason reason, string detail)
    {
        Finish(entry, QueueItemState.Dropped, reason, detail, by: null);
        return new SubmitResult(entry.Item, QueueItemState.Dropped, reason, detail);
    }

    // ---- removal ----

    private int RemoveWhere(Func<QueueEntry, bool> match, DropReason reason, string detail, string? by)
    {
        var removed = 0;
        foreach (var list in new[] { _approvals, _waiting, _synthesizing, _ready })
            foreach (var entry in list.Where(match).ToList())
            {
                list.Remove(entry);
                Finish(entry, QueueItemState.Removed, reason, detail, by);
                CancelSynthesis(entry);
                removed++;
            }
        var headRemoved = _playing.Count > 0 && match(_playing[0]);
        foreach (var entry in _playing.Where(match).ToList())
        {
            _playing.Remove(entry);
            SendToPlayers(new PlayoutEvent(PlayoutEventKind.Stop, ItemId: entry.Item.Id, Reason: reason.ToString()));
            Finish(entry, QueueItemState.Removed, reason, detail, by);
            removed++;
        }
        if (headRemoved) ArmHead(_time.GetUtcNow());
        return removed;
    }

    private static bool Targets(ModerationEvent moderation, ChatMessage message)
    {
        if (message.Platform != moderation.Platform
            || !string.Equals(message.Channel.TrimStart('#'), moderation.Channel.TrimStart('#'), StringComparison.OrdinalIgnoreCase))
            return false;
        return moderation.Kind switch
        {
            ModerationKind.ChatCleared => true,
            ModerationKind.MessageDeleted => moderation.TargetMessageId is { } id
                && (id == message.PlatformMessageId || Guid.TryParse(id, out var guid) && guid == message.Id),
            _ => moderation.TargetUserId is { } userId && userId == message.UserId
                || moderation.TargetUsername is { } name && string.Equals(name, message.Username, StringComparison.OrdinalIgnoreCase),
        };
    }

    // ---- the pump: stale items, synthesis ahead, playout, deadlines ----

    private async Task PumpAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            TimeSpan? sleep;
            lock (_gate) sleep = Step();
            using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var delay = sleep is { } s ? Task.Delay(s, _time, cancelDelay.Token) : Task.Delay(Timeout.Infinite, cancelDelay.Token);
            await Task.WhenAny(wake, delay).ConfigureAwait(false);
            await cancelDelay.CancelAsync().ConfigureAwait(false);
            try { await delay.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
    }

    private void Signal() => Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private TimeSpan? Step()
    {
        var now = _time.GetUtcNow();
        var settings = _settings;
        var maxAge = settings.MaxAgeSecs > 0 ? TimeSpan.FromSeconds(settings.MaxAgeSecs) : (TimeSpan?)null;
        if (maxAge is { } age)
            foreach (var list in new[] { _waiting, _ready })
                foreach (var stale in list.Where(e => now - e.Item.ReceivedAt >= age).ToList())
                {
                    list.Remove(stale);
                    Finish(stale, QueueItemState.Dropped, DropReason.Stale,
                        $"waited {(int)(now - stale.Item.ReceivedAt).TotalSeconds} s (max_age_secs = {settings.MaxAgeSecs})", by: null);
                }

        while (_playing.Count > 0 && _playing[0].Deadline is { } deadline && deadline <= now)
        {
            var head = _playing[0];
            _playing.RemoveAt(0);
            Complete(head, QueueItemState.Played, by: null, acknowledged: false);
            ArmHead(now);
        }

        // A waiting item that outranks everything ready is synthesised even when prefetch is full, and a ready
        // item is delivered only when nothing still waiting or synthesising outranks it: playback follows
        // priority order even when a higher item arrives after lower ones were synthesised.
        if (_synthesizing.Count == 0 && _waiting.Count > 0 && (_ready.Count < settings.Prefetch || Outranks(Peek(_waiting), Peek(_ready))))
            StartSynthesis(Best(_waiting));

        while (!_paused && _players.Count > 0 && _playing.Count < settings.PlayerBuffer && _ready.Count > 0
               && !Outranks(Peek(_waiting), Peek(_ready)) && !Outranks(Peek(_synthesizing), Peek(_ready)))
            Deliver(Best(_ready), now);

        DateTimeOffset? next = _playing.Count > 0 ? _playing[0].Deadline : null;
        if (maxAge is { } limit)
            foreach (var entry in _waiting.Concat(_ready))
                if (next is null || entry.Item.ReceivedAt + limit < next) next = entry.Item.ReceivedAt + limit;
        return next is { } at ? (at > now ? at - now : TimeSpan.Zero) : null;
    }

    /// <summary>Removes and returns the first item of <paramref name="list"/> in play order.</summary>
    private static QueueEntry Best(List<QueueEntry> list)
    {
        var best = Peek(list)!;
        list.Remove(best);
        return best;
    }

    /// <summary>The first item of <paramref name="list"/> in play order (priority, then arrival), or null.</summary>
    private static QueueEntry? Peek(List<QueueEntry> list)
    {
        QueueEntry? best = null;
        foreach (var entry in list)
            if (best is null || Outranks(entry, best)) best = entry;
        return best;
    }

    /// <summary>True when <paramref name="a"/> plays before <paramref name="b"/> (false when either is missing).</summary>
    private static bool Outranks(QueueEntry? a, QueueEntry? b) =>
        a is not null && b is not null && (a.Item.Priority > b.Item.Priority || a.Item.Priority == b.Item.Priority && a.Item.Id < b.Item.Id);

    private static IEnumerable<QueueEntry> Ordered(List<QueueEntry> list) =>
        list.OrderByDescending(e => e.Item.Priority).ThenBy(e => e.Item.Id);

    private void StartSynthesis(QueueEntry entry)
    {
        entry.State = QueueItemState.Synthesizing;
        entry.Synthesis = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        _synthesizing.Add(entry);
        Publish(entry, QueueItemState.Synthesizing);
        var timeout = TimeSpan.FromSeconds(_tts.TimeoutSecs);
        _ = Task.Run(() => SynthesizeAsync(entry, timeout));
    }

    private async Task SynthesizeAsync(QueueEntry entry, TimeSpan timeout)
    {
        var token = entry.Synthesis!.Token;
        SpeechClip? clip = null;
        DropReason? failure = null;
        string? detail = null;
        try
        {
            clip = await _synthesize(entry.Item, token).WaitAsync(timeout, _time, token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            failure = DropReason.SynthesisTimeout;
            detail = $"no audio after {timeout.TotalSeconds:0.#} s (timeout_secs)";
            await entry.Synthesis.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            failure = DropReason.SynthesisFailed;
            detail = e.Message;
        }
        lock (_gate)
        {
            if (entry.State != QueueItemState.Synthesizing) return;
            _synthesizing.Remove(entry);
            entry.Synthesis.Dispose();
            entry.Synthesis = null;
            if (clip is not null)
            {
                entry.Clip = clip;
                entry.State = QueueItemState.Ready;
                _ready.Add(entry);
                Publish(entry, QueueItemState.Ready);
            }
            else
            {
                Finish(entry, QueueItemState.Dropped, failure ?? DropReason.SynthesisFailed, detail ?? "synthesis was cancelled", by: null);
            }
        }
        Signal();
    }

    // The item's state has already left Synthesizing, so the synthesis task ends without touching it; the
    // callbacks run on the thread pool, never inline under our lock.
    private static void CancelSynthesis(QueueEntry entry)
    {
        if (entry.Synthesis is { } synthesis) _ = synthesis.CancelAsync();
    }

    private void Deliver(QueueEntry entry, DateTimeOffset now)
    {
        entry.State = QueueItemState.Playing;
        entry.Sequence = ++_lastSequence;
        _playing.Add(entry);
        _sent.AddLast(entry);
        while (_sent.Count > Math.Max(_settings.ResumeSize, 0)) _sent.RemoveFirst();
        Publish(entry, QueueItemState.Playing);
        SendToPlayers(new PlayoutEvent(PlayoutEventKind.Play, entry.Item, entry.Clip, entry.Sequence));
        ArmHead(now);
    }

    private void ArmHead(DateTimeOffset now)
    {
        if (_playing.Count == 0 || _playing[0].Deadline is not null) return;
        var head = _playing[0];
        head.Deadline = now + (head.Clip?.Duration ?? TimeSpan.Zero) + TimeSpan.FromSeconds(_settings.AckGraceSecs);
    }

    private void SendToPlayers(PlayoutEvent playout)
    {
        foreach (var player in _players) player.Send(playout);
    }

    // ---- endings and events ----

    private void Complete(QueueEntry entry, QueueItemState outcome, string? by, bool acknowledged)
    {
        if (outcome == QueueItemState.Played) _played++;
        else _skipped++;
        entry.State = outcome;
        var now = _time.GetUtcNow();
        _history.AddFirst(new HistoryEntry(entry.Item, outcome, now, by, acknowledged));
        while (_history.Count > _settings.HistorySize) _history.RemoveLast();
        _changes.Publish(new QueueItemChange(entry.Item, outcome, now, By: by,
            Detail: outcome == QueueItemState.Played && !acknowledged ? "no player acknowledged it" : null));
    }

    private void Finish(QueueEntry entry, QueueItemState state, DropReason reason, string? detail, string? by)
    {
        entry.State = state;
        _notSpoken[reason] = _notSpoken.GetValueOrDefault(reason) + 1;
        var item = entry.Item;
        _log(reason == DropReason.CommandIgnored ? ChatLogLevel.Debug : ChatLogLevel.Information,
            $"chat #{item.Id} {item.Message.Platform}/{item.Message.Channel} {item.Message.Username}: {state} ({reason}){(detail is null ? "" : ": " + detail)}{(by is null ? "" : " by " + by)}");
        _changes.Publish(new QueueItemChange(item, state, _time.GetUtcNow(), reason, detail, by));
    }

    private void Publish(QueueEntry entry, QueueItemState state) =>
        _changes.Publish(new QueueItemChange(entry.Item, state, _time.GetUtcNow()));

    private static void ThrowIfInvalid(IReadOnlyList<string> problems, string section)
    {
        if (problems.Count > 0)
            throw new ArgumentException($"invalid {section} settings: " + string.Join("; ", problems));
    }
}
