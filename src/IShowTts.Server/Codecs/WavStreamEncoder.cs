// 16-bit mono WAV for streaming: the header goes first with the sizes unknown (0xFFFFFFFF, which players
// and our decoder read as "to the end of the stream"), then the samples as they come.
using System.Buffers.Binary;
using IShowTts.Audio;

namespace IShowTts.Server.Codecs;

internal sealed class WavStreamEncoder(Stream output, int sampleRate) : IAudioEncoder
{
    private bool _headerWritten;

    public async ValueTask WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancel)
    {
        if (!_headerWritten)
        {
            await output.WriteAsync(Header(sampleRate), cancel);
            _headerWritten = true;
        }
        await output.WriteAsync(PcmEncoder.ToPcm16(samples.Span), cancel);
    }

    public async ValueTask CompleteAsync(CancellationToken cancel)
    {
        if (!_headerWritten) await output.WriteAsync(Header(sampleRate), cancel);
        _headerWritten = true;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static byte[] Header(int sampleRate)
    {
        var h = WavWriter.ToBytes(ReadOnlySpan<float>.Empty, sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), uint.MaxValue);
        return h;
    }
}
