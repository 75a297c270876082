// A Random whose NextDouble returns the given values in turn (then the last one again): jitter a test
// can predict.
namespace IShowTts.Chat.Tests.Internal;

internal sealed class SequenceRandom(params double[] values) : Random
{
    private int _next;

    public override double NextDouble() => values[Math.Min(Interlocked.Increment(ref _next) - 1, values.Length - 1)];
}
