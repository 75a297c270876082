// Raw 16-bit little-endian mono PCM at the synthesis rate (24 kHz), OpenAI's "pcm" format: no header.
using System.Buffers.Binary;
using IShowTts.Audio;

namespace IShowTts.Server.Codecs;

internal sealed class PcmEncoder(Stream output) : IAudioEncoder
{
    public ValueTask WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancel) => output.WriteAsync(ToPcm16(samples.Span), cancel);

    public ValueTask CompleteAsync(CancellationToken cancel) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static byte[] ToPcm16(ReadOnlySpan<float> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), WavWriter.ToPcm16(samples[i]));
        return bytes;
    }
}
