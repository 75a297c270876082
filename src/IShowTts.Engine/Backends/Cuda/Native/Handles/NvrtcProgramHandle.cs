// An nvrtcProgram: one compilation of one .cu source; destroyed once its CUBIN/PTX has been read.
namespace IShowTts.Engine.Backends.Cuda.Native.Handles;

internal sealed class NvrtcProgramHandle(nint handle) : NativeHandle(handle)
{
    protected override int Destroy(nint value) => Nvrtc.nvrtcDestroyProgram(ref value);
}
