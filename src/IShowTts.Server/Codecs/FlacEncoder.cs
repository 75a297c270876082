// FLAC through the system's libFLAC (Debian libflac12/libflac14, which the decoder already needs):
// 16-bit mono, compression level 5. libFLAC hands its output to a callback that collects the bytes;
// they are copied to the response after each call, so nothing asynchronous runs inside native code.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IShowTts.Audio;
using IShowTts.Server.Codecs.Native;

namespace IShowTts.Server.Codecs;

internal sealed class FlacEncoder : IAudioEncoder
{
    private readonly Stream _output;
    private readonly FlacEncoderHandle _encoder;
    private readonly MemoryStream _pending = new();
    private GCHandle _self;

    public FlacEncoder(Stream output, int sampleRate)
    {
        _output = output;
        if (Unavailable() is { } reason) throw new InvalidOperationException(reason);
        _encoder = LibFlacEncoder.New();
        if (_encoder.IsInvalid) throw new InvalidOperationException("FLAC__stream_encoder_new failed (out of memory?)");
        LibFlacEncoder.SetChannels(_encoder, 1);
        LibFlacEncoder.SetBitsPerSample(_encoder, 16);
        LibFlacEncoder.SetSampleRate(_encoder, (uint)sampleRate);
        LibFlacEncoder.SetCompressionLevel(_encoder, 5);
        _self = GCHandle.Alloc(this);
        int status = Init();
        if (status != LibFlacEncoder.InitOk)
        {
            Release();
            throw new InvalidOperationException($"FLAC__stream_encoder_init_stream failed (status {status}) for {sampleRate} Hz mono");
        }
    }

    /// <summary>Null when libFLAC loads; else what to install.</summary>
    public static string? Unavailable() =>
        NativeCodecs.IsAvailable(NativeCodecs.Flac) ? null : "flac needs libFLAC, which is not installed (Debian package libflac12 or libflac14)";

    public async ValueTask WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancel)
    {
        if (samples.Length == 0) return;
        var ints = new int[samples.Length];
        var span = samples.Span;
        for (int i = 0; i < ints.Length; i++) ints[i] = WavWriter.ToPcm16(span[i]);
        if (Process(ints) == 0) throw new InvalidOperationException($"FLAC__stream_encoder_process_interleaved failed (state {LibFlacEncoder.GetState(_encoder)})");
        await DrainAsync(cancel);
    }

    public async ValueTask CompleteAsync(CancellationToken cancel)
    {
        if (LibFlacEncoder.Finish(_encoder) == 0) throw new InvalidOperationException($"FLAC__stream_encoder_finish failed (state {LibFlacEncoder.GetState(_encoder)})");
        await DrainAsync(cancel);
    }

    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private unsafe int Init()
    {
        delegate* unmanaged[Cdecl]<nint, byte*, nuint, uint, uint, nint, int> write = &OnWrite;
        return LibFlacEncoder.InitStream(_encoder, (nint)write, 0, 0, 0, GCHandle.ToIntPtr(_self));
    }

    private unsafe int Process(int[] samples)
    {
        fixed (int* p = samples) return LibFlacEncoder.ProcessInterleaved(_encoder, p, (uint)samples.Length);
    }

    private async ValueTask DrainAsync(CancellationToken cancel)
    {
        if (_pending.Length == 0) return;
        var bytes = _pending.ToArray();
        _pending.SetLength(0);
        await _output.WriteAsync(bytes, cancel);
    }

    private void Release()
    {
        _encoder.Dispose();
        if (_self.IsAllocated) _self.Free();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int OnWrite(nint encoder, byte* buffer, nuint bytes, uint samples, uint currentFrame, nint clientData)
    {
        try
        {
            var self = (FlacEncoder)GCHandle.FromIntPtr(clientData).Target!;
            self._pending.Write(new ReadOnlySpan<byte>(buffer, checked((int)bytes)));
            return LibFlacEncoder.WriteOk;
        }
        catch (Exception)
        {
            return LibFlacEncoder.WriteFatal;
        }
    }
}
