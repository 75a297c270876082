// A libFLAC stream encoder (FLAC__StreamEncoder*), deleted with FLAC__stream_encoder_delete; owned by one FlacEncoder.
using System.Runtime.InteropServices;

namespace IShowTts.Server.Codecs.Native;

internal sealed class FlacEncoderHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        LibFlacEncoder.Delete(handle);
        return true;
    }
}
