// NVRTC (libnvrtc.so.13/.12): run-time compilation of our .cu sources to CUBIN (or PTX when the device
// is newer than this NVRTC knows). Mirrors nvrtc.h of CUDA 12/13; Check throws CudaException.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cuda.Native;

internal static unsafe partial class Nvrtc
{
    private const string Lib = CudaLibraries.NvrtcName;

    public const int ErrorCompilation = 6;

    public static void Check(int status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status == 0) return;
        string message = "unknown error";
        try
        {
            var s = nvrtcGetErrorString(status);
            if (s != 0) message = Marshal.PtrToStringUTF8(s) ?? message;
        }
        catch (EntryPointNotFoundException)
        {
        }
        throw new CudaException("NVRTC", call, status, message, message);
    }

    [LibraryImport(Lib)] public static partial nint nvrtcGetErrorString(int status);
    [LibraryImport(Lib)] public static partial int nvrtcVersion(out int major, out int minor);
    [LibraryImport(Lib)] public static partial int nvrtcGetNumSupportedArchs(out int count);
    [LibraryImport(Lib)] public static partial int nvrtcGetSupportedArchs(int* archs);

    [LibraryImport(Lib)]
    public static partial int nvrtcCreateProgram(out nint /* nvrtcProgram */ program, byte* source, byte* name,
        int headerCount, byte** headers, byte** includeNames);
    [LibraryImport(Lib)] public static partial int nvrtcDestroyProgram(ref nint program);
    [LibraryImport(Lib)] public static partial int nvrtcCompileProgram(nint program, int optionCount, byte** options);
    [LibraryImport(Lib)] public static partial int nvrtcGetProgramLogSize(nint program, out nuint size);
    [LibraryImport(Lib)] public static partial int nvrtcGetProgramLog(nint program, byte* log);
    [LibraryImport(Lib)] public static partial int nvrtcGetPTXSize(nint program, out nuint size);
    [LibraryImport(Lib)] public static partial int nvrtcGetPTX(nint program, byte* ptx);
    [LibraryImport(Lib)] public static partial int nvrtcGetCUBINSize(nint program, out nuint size);
    [LibraryImport(Lib)] public static partial int nvrtcGetCUBIN(nint program, byte* cubin);
}
