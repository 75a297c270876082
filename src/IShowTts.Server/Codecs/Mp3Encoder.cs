// MP3 through the system's LAME (Debian libmp3lame0): constant 64 kb/s mono at the synthesis rate
// (MPEG-2 Layer III at 24 kHz), no Xing/LAME tag since a stream cannot seek back to write it.
using IShowTts.Server.Codecs.Native;

namespace IShowTts.Server.Codecs;

internal sealed class Mp3Encoder : IAudioEncoder
{
    private const int BitrateKbps = 64;
    private readonly Stream _output;
    private readonly LameHandle _lame;

    public Mp3Encoder(Stream output, int sampleRate)
    {
        _output = output;
        if (Unavailable() is { } reason) throw new InvalidOperationException(reason);
        _lame = LibMp3Lame.Init();
        if (_lame.IsInvalid) throw new InvalidOperationException("lame_init failed (out of memory?)");
        LibMp3Lame.SetNumChannels(_lame, 1);
        LibMp3Lame.SetInSampleRate(_lame, sampleRate);
        LibMp3Lame.SetOutSampleRate(_lame, sampleRate);
        LibMp3Lame.SetMode(_lame, LibMp3Lame.ModeMono);
        LibMp3Lame.SetVbr(_lame, LibMp3Lame.VbrOff);
        LibMp3Lame.SetBitrate(_lame, BitrateKbps);
        LibMp3Lame.SetQuality(_lame, 5);
        LibMp3Lame.SetWriteVbrTag(_lame, 0);
        int status = LibMp3Lame.InitParams(_lame);
        if (status < 0)
        {
            _lame.Dispose();
            throw new InvalidOperationException($"lame_init_params failed ({status}) for {sampleRate} Hz mono");
        }
    }

    /// <summary>Null when libmp3lame loads; else what to install.</summary>
    public static string? Unavailable() =>
        NativeCodecs.IsAvailable(NativeCodecs.Lame) ? null : "mp3 needs the LAME library, which is not installed (Debian package libmp3lame0)";

    public async ValueTask WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancel)
    {
        if (samples.Length == 0) return;
        var buffer = new byte[samples.Length * 5 / 4 + 7200];
        int written = Encode(samples.Span, buffer);
        if (written < 0) throw new InvalidOperationException($"lame_encode_buffer_ieee_float failed ({written})");
        if (written > 0) await _output.WriteAsync(buffer.AsMemory(0, written), cancel);
    }

    public async ValueTask CompleteAsync(CancellationToken cancel)
    {
        var buffer = new byte[7200];
        int written = Flush(buffer);
        if (written < 0) throw new InvalidOperationException($"lame_encode_flush failed ({written})");
        if (written > 0) await _output.WriteAsync(buffer.AsMemory(0, written), cancel);
    }

    private unsafe int Encode(ReadOnlySpan<float> samples, byte[] buffer)
    {
        fixed (float* p = samples)
        fixed (byte* b = buffer)
            return LibMp3Lame.EncodeFloat(_lame, p, p, samples.Length, b, buffer.Length);
    }

    private unsafe int Flush(byte[] buffer)
    {
        fixed (byte* b = buffer) return LibMp3Lame.Flush(_lame, b, buffer.Length);
    }

    public ValueTask DisposeAsync()
    {
        _lame.Dispose();
        return ValueTask.CompletedTask;
    }
}
