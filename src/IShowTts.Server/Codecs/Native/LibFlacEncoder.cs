// P/Invoke bindings to libFLAC's stream encoder (FLAC/stream_encoder.h, libFLAC 1.3–1.5): only the calls
// FlacEncoder needs. Output goes through a write callback; no seek callback, so the stream is written
// once, front to back (STREAMINFO keeps total samples 0, which every decoder accepts).
using System.Runtime.InteropServices;

namespace IShowTts.Server.Codecs.Native;

internal static partial class LibFlacEncoder
{
    public const int InitOk = 0;        // FLAC__STREAM_ENCODER_INIT_STATUS_OK
    public const int WriteOk = 0;       // FLAC__STREAM_ENCODER_WRITE_STATUS_OK
    public const int WriteFatal = 1;    // FLAC__STREAM_ENCODER_WRITE_STATUS_FATAL_ERROR

    static LibFlacEncoder() => NativeCodecs.IsAvailable(NativeCodecs.Flac);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_new")]
    internal static partial FlacEncoderHandle New();

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_delete")]
    internal static partial void Delete(nint encoder);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_set_channels")]
    internal static partial int SetChannels(FlacEncoderHandle encoder, uint channels);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_set_bits_per_sample")]
    internal static partial int SetBitsPerSample(FlacEncoderHandle encoder, uint bits);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_set_sample_rate")]
    internal static partial int SetSampleRate(FlacEncoderHandle encoder, uint rate);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_set_compression_level")]
    internal static partial int SetCompressionLevel(FlacEncoderHandle encoder, uint level);

    /// <summary>write(encoder, buffer, bytes, samples, current_frame, client_data) → status; seek, tell, metadata may be 0.</summary>
    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_init_stream")]
    internal static partial int InitStream(FlacEncoderHandle encoder, nint write, nint seek, nint tell, nint metadata, nint clientData);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_process_interleaved")]
    internal static unsafe partial int ProcessInterleaved(FlacEncoderHandle encoder, int* buffer, uint samples);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_finish")]
    internal static partial int Finish(FlacEncoderHandle encoder);

    [LibraryImport(NativeCodecs.Flac, EntryPoint = "FLAC__stream_encoder_get_state")]
    internal static partial int GetState(FlacEncoderHandle encoder);
}
