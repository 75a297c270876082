// Exponential back-off with jitter for reconnects: attempt k waits min(max, initial·2^k) scaled by a
// random factor in [0.5, 1], so many readers that lost the same server do not come back in lock-step.
namespace IShowTts.Chat.Internal;

internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, Random random)
    {
        var exponent = Math.Min(attempt, 30);
        var ticks = Math.Min((double)max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ticks * (0.5 + 0.5 * random.NextDouble())));
    }
}
