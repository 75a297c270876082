// P/Invoke bindings to LAME's encoder (lame.h, 3.100): only the calls Mp3Encoder needs. The handle is a
// SafeHandle released with lame_close.
using System.Runtime.InteropServices;

namespace IShowTts.Server.Codecs.Native;

internal static partial class LibMp3Lame
{
    public const int ModeMono = 3;   // MPEG_mode MONO
    public const int VbrOff = 0;     // vbr_mode vbr_off

    static LibMp3Lame() => NativeCodecs.IsAvailable(NativeCodecs.Lame);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_init")]
    internal static partial LameHandle Init();

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_close")]
    internal static partial int Close(nint lame);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_num_channels")]
    internal static partial int SetNumChannels(LameHandle lame, int channels);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_in_samplerate")]
    internal static partial int SetInSampleRate(LameHandle lame, int rate);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_out_samplerate")]
    internal static partial int SetOutSampleRate(LameHandle lame, int rate);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_mode")]
    internal static partial int SetMode(LameHandle lame, int mode);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_VBR")]
    internal static partial int SetVbr(LameHandle lame, int mode);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_brate")]
    internal static partial int SetBitrate(LameHandle lame, int kbps);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_quality")]
    internal static partial int SetQuality(LameHandle lame, int quality);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_set_bWriteVbrTag")]
    internal static partial int SetWriteVbrTag(LameHandle lame, int write);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_init_params")]
    internal static partial int InitParams(LameHandle lame);

    /// <summary>Samples in [-1, 1]; for mono the right channel is ignored. Returns bytes written or a negative error.</summary>
    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_encode_buffer_ieee_float")]
    internal static unsafe partial int EncodeFloat(LameHandle lame, float* left, float* right, int samples, byte* mp3, int mp3Size);

    [LibraryImport(NativeCodecs.Lame, EntryPoint = "lame_encode_flush")]
    internal static unsafe partial int Flush(LameHandle lame, byte* mp3, int mp3Size);
}
