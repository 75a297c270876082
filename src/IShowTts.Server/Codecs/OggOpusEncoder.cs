// Opus in Ogg (RFC 7845) with Concentus, the managed Opus encoder: 20 ms frames at the synthesis rate
// (24 kHz is an Opus rate), 32 kb/s, an OpusHead with the encoder's pre-skip and an OpusTags page. The
// newest packet is held back so the last one always goes out on the end-of-stream page, whose granule
// position trims the zero padding the encoder's lookahead needs at the end.
using System.Buffers.Binary;
using Concentus;
using Concentus.Enums;

namespace IShowTts.Server.Codecs;

internal sealed class OggOpusEncoder : IAudioEncoder
{
    private const int Bitrate = 32000;
    private readonly IOpusEncoder _encoder;
    private readonly OggPageWriter _ogg;
    private readonly int _sampleRate;
    private readonly int _frame;       // samples per 20 ms frame at the input rate
    private readonly int _preSkip;     // in 48 kHz samples
    private readonly List<float> _pending = [];
    private readonly byte[] _packetBuffer = new byte[4000];
    private byte[]? _held;
    private long _inputSamples;
    private long _encodedSamples;
    private bool _headersWritten;

    public OggOpusEncoder(Stream output, int sampleRate)
    {
        if (sampleRate is not (8000 or 12000 or 16000 or 24000 or 48000))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Opus encodes 8, 12, 16, 24 or 48 kHz");
        _sampleRate = sampleRate;
        _frame = sampleRate / 50;
        _encoder = OpusCodecFactory.CreateEncoder(sampleRate, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
        _encoder.Bitrate = Bitrate;
        _preSkip = _encoder.Lookahead * (48000 / sampleRate);
        _ogg = new OggPageWriter(output, Random.Shared.Next());
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancel)
    {
        await WriteHeadersAsync(cancel);
        _inputSamples += samples.Length;
        foreach (var s in samples.Span) _pending.Add(s);
        int frames = _pending.Count / _frame;
        if (frames == 0) return;
        for (int f = 0; f < frames; f++) Encode(_pending.GetRange(f * _frame, _frame).ToArray());
        _pending.RemoveRange(0, frames * _frame);
        await _ogg.FlushAsync(Granule(_encodedSamples - _frame), last: false, cancel);
    }

    public async ValueTask CompleteAsync(CancellationToken cancel)
    {
        await WriteHeadersAsync(cancel);
        // The encoder delays its input by its lookahead: encode zeros until the last real sample is out.
        long needed = _inputSamples + _encoder.Lookahead;
        while (_encodedSamples < needed || _held is null)
        {
            var last = new float[_frame];
            int n = Math.Min(_pending.Count, _frame);
            _pending.CopyTo(0, last, 0, n);
            _pending.RemoveRange(0, n);
            Encode(last);
        }
        _ogg.Add(_held!);
        _held = null;
        // The end-of-stream granule counts real samples only, so players drop the final frame's padding.
        await _ogg.FlushAsync(_preSkip + _inputSamples * (48000 / _sampleRate), last: true, cancel);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Encode(float[] frame)
    {
        int n = _encoder.Encode(frame, _frame, _packetBuffer, _packetBuffer.Length);
        if (n < 0) throw new InvalidOperationException($"Opus encoding failed ({n})");
        if (_held is not null) _ogg.Add(_held);
        _held = _packetBuffer[..n];
        _encodedSamples += _frame;
    }

    private long Granule(long samples) => _preSkip + Math.Max(0, samples) * (48000 / _sampleRate);

    private async ValueTask WriteHeadersAsync(CancellationToken cancel)
    {
        if (_headersWritten) return;
        _headersWritten = true;
        var head = new byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;                                                          // version
        head[9] = 1;                                                          // channels
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(10), (ushort)_preSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(12), (uint)_sampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(head.AsSpan(16), 0);          // output gain
        head[18] = 0;                                                         // mapping family
        _ogg.Add(head);
        await _ogg.FlushAsync(0, last: false, cancel);
        var vendor = "ishowtts (Concentus)"u8.ToArray();
        var tags = new byte[8 + 4 + vendor.Length + 4];
        "OpusTags"u8.CopyTo(tags);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(8), (uint)vendor.Length);
        vendor.CopyTo(tags, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(12 + vendor.Length), 0);
        _ogg.Add(tags);
        await _ogg.FlushAsync(0, last: false, cancel);
    }
}
