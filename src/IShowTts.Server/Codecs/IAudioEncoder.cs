// A streaming audio encoder: mono float samples go in chunk by chunk, encoded bytes go to the output
// stream as soon as the codec has them; Complete flushes the codec's tail. One utterance per instance.
namespace IShowTts.Server.Codecs;

internal interface IAudioEncoder : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancel);

    ValueTask CompleteAsync(CancellationToken cancel);
}
