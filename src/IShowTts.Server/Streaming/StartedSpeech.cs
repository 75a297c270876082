// A synthesis that holds a slot and has produced its first chunk: the routes stream or collect the
// rest from here. Disposing it stops the work if it is still running, frees the slot and records the
// outcome (ok, cancelled, timeout, error) with its duration and real-time factor.
using System.Diagnostics;
using IShowTts.Server.Observability;
using IShowTts.Server.Scheduling;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Voices;

namespace IShowTts.Server.Streaming;

internal sealed class StartedSpeech(
    Voice voice, ISpeechEngine engine, IAsyncEnumerator<AudioChunk> chunks, AudioChunk first, SynthesisScheduler.Slot slot,
    RequestCancellation cancellation, ServerMetrics metrics, TimeSpan timeToFirstAudio, long slotStart) : IAsyncDisposable
{
    private bool _completed;
    private bool _failed;

    public Voice Voice => voice;

    public ISpeechEngine Engine => engine;

    public int SampleRate => first.SampleRate;

    public TimeSpan TimeToFirstAudio => timeToFirstAudio;

    public CancellationToken Token => cancellation.Token;

    public RequestCancellation Cancellation => cancellation;

    public long Samples { get; private set; }

    /// <summary>The chunks in order, the first one included; enumerate once.</summary>
    public async IAsyncEnumerable<AudioChunk> ReadAllAsync()
    {
        Samples += first.Samples.Length;
        yield return first;
        while (true)
        {
            bool more;
            try
            {
                more = await chunks.MoveNextAsync();
            }
            catch
            {
                _failed = true;
                throw;
            }
            if (!more) break;
            Samples += chunks.Current.Samples.Length;
            yield return chunks.Current;
        }
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await chunks.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
        }
        var seconds = Stopwatch.GetElapsedTime(slotStart).TotalSeconds;
        var outcome = _completed ? "ok" : _failed && !cancellation.Token.IsCancellationRequested ? "error" : cancellation.Outcome;
        metrics.Synthesis(engine.Id, outcome, seconds, (double)Samples / SampleRate);
        slot.Dispose();
        cancellation.Dispose();
    }
}
