// The filters in their fixed order, with the settings they read. Settings are one immutable object
// swapped atomically (Update), so the API can edit them while chat flows; a message is filtered
// entirely under the settings in force when it arrived.
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Filters;

public sealed class FilterPipeline
{
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IChatFilter> _filters;
    private FilterSettings _settings;

    public FilterPipeline(FilterSettings settings, TimeProvider? time = null)
    {
        ThrowIfInvalid(settings);
        _settings = settings;
        _time = time ?? TimeProvider.System;
        _filters =
        [
            new UserListFilter(),
            new CommandFilter(),
            new ModeFilter(),
            new EmoteStripper(),
            new WhitespaceNormalizer(),
            new LinkFilter(),
            new BannedWordFilter(),
            new RepetitionCollapser(),
            new LengthLimiter(),
            new EmptyTextFilter(),
            new CooldownFilter(),
            new ApprovalGate(),
        ];
    }

    public FilterSettings Settings => Volatile.Read(ref _settings);

    /// <summary>Applies <paramref name="change"/> atomically (retried if another edit won the race) and returns the result.</summary>
    public FilterSettings Update(Func<FilterSettings, FilterSettings> change)
    {
        while (true)
        {
            var current = Settings;
            var next = change(current);
            ThrowIfInvalid(next);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _settings, next, current), current)) return next;
        }
    }

    public FilterResult Apply(ChatMessage message)
    {
        var context = new FilterContext(message, Settings, _time.GetUtcNow());
        foreach (var filter in _filters)
        {
            var verdict = filter.Apply(context);
            if (verdict.Outcome == FilterOutcome.Reject)
                return new FilterResult(FilterOutcome.Reject, context.Text, verdict.Reason, verdict.Detail);
            if (verdict.Outcome == FilterOutcome.Hold)
                return new FilterResult(FilterOutcome.Hold, context.Text);
        }
        return new FilterResult(FilterOutcome.Continue, context.Text);
    }

    private static void ThrowIfInvalid(FilterSettings settings)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
            throw new ArgumentException("invalid filter settings: " + string.Join("; ", problems), nameof(settings));
    }
}
