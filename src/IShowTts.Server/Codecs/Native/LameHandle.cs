// An encoder instance of LAME (lame_t), closed with lame_close; owned by one Mp3Encoder.
using System.Runtime.InteropServices;

namespace IShowTts.Server.Codecs.Native;

internal sealed class LameHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        LibMp3Lame.Close(handle);
        return true;
    }
}
