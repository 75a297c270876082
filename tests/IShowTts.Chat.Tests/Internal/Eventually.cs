// Bounded waits for things that happen on other threads: a condition becoming true, or the next event
// of a subscription matching a predicate. Every wait has a timeout and says what it waited for.
using IShowTts.Chat;

namespace IShowTts.Chat.Tests.Internal;

internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }

    public static async Task<T> NextAsync<T>(this EventSubscription<T> subscription, Func<T, bool> match, string what, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var seen = new List<string>();
        try
        {
            while (await subscription.Reader.WaitToReadAsync(limit.Token))
                while (subscription.Reader.TryRead(out var item))
                {
                    if (match(item)) return item;
                    seen.Add(item?.ToString() ?? "null");
                }
        }
        catch (OperationCanceledException)
        {
        }
        throw new TimeoutException($"timed out waiting for {what}; saw {seen.Count} other events:{Environment.NewLine}{string.Join(Environment.NewLine, seen.TakeLast(20))}");
    }
}
