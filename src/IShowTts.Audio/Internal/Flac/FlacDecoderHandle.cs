// Owns one FLAC__StreamDecoder: created by FLAC__stream_decoder_new, released (finished and freed)
// by FLAC__stream_decoder_delete. The handle is the only owner.
using Microsoft.Win32.SafeHandles;

namespace IShowTts.Audio.Internal.Flac;

internal sealed class FlacDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public FlacDecoderHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        LibFlac.StreamDecoderDelete(handle);
        return true;
    }
}
