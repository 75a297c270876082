// CUDA driver API (libcuda.so.1 / nvcuda.dll), the subset the backend uses. Handles stay visible as
// nint /* CUxxx */ and device pointers as ulong /* CUdeviceptr */; entry points are the ABI names the
// cuda.h of CUDA 12/13 maps its macros to (cuMemAlloc → cuMemAlloc_v2, …). Every status goes through
// Check, which throws CudaException naming the call.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cuda.Native;

internal static unsafe partial class CudaDriver
{
    private const string Lib = CudaLibraries.DriverName;

    // CUdevice_attribute (cuda.h 12.x/13.0)
    public const int AttributeMaxThreadsPerBlock = 1;
    public const int AttributeMaxSharedMemoryPerBlock = 8;
    public const int AttributeMultiprocessorCount = 16;
    public const int AttributeL2CacheSize = 38;
    public const int AttributeComputeCapabilityMajor = 75;
    public const int AttributeComputeCapabilityMinor = 76;
    public const int AttributeMaxSharedMemoryPerBlockOptin = 97;

    // CUfunction_attribute
    public const int FuncAttributeMaxDynamicSharedSizeBytes = 8;
    public const int FuncAttributeLocalSizeBytes = 3;
    public const int FuncAttributeNumRegs = 4;

    // CUstreamCaptureMode
    public const int StreamCaptureModeGlobal = 0;
    public const int StreamCaptureModeThreadLocal = 1;

    public const int ErrorNoDevice = 100;

    public static void Check(int status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status != 0) throw Error(status, call);
    }

    public static CudaException Error(int status, string call)
    {
        string name = "CUDA_ERROR_" + status, message = "unknown error";
        try
        {
            if (cuGetErrorName(status, out var n) == 0 && n != 0) name = Marshal.PtrToStringUTF8(n) ?? name;
            if (cuGetErrorString(status, out var s) == 0 && s != 0) message = Marshal.PtrToStringUTF8(s) ?? message;
        }
        catch (EntryPointNotFoundException)
        {
        }
        return new CudaException("CUDA driver", call, status, name, message);
    }

    [LibraryImport(Lib)] public static partial int cuInit(uint flags);
    [LibraryImport(Lib)] public static partial int cuDriverGetVersion(out int version);
    [LibraryImport(Lib)] public static partial int cuGetErrorName(int status, out nint name);
    [LibraryImport(Lib)] public static partial int cuGetErrorString(int status, out nint message);

    [LibraryImport(Lib)] public static partial int cuDeviceGetCount(out int count);
    [LibraryImport(Lib)] public static partial int cuDeviceGet(out int device, int ordinal);
    [LibraryImport(Lib)] public static partial int cuDeviceGetName(byte* name, int length, int device);
    [LibraryImport(Lib)] public static partial int cuDeviceGetAttribute(out int value, int attribute, int device);
    [LibraryImport(Lib, EntryPoint = "cuDeviceTotalMem_v2")] public static partial int cuDeviceTotalMem(out nuint bytes, int device);

    [LibraryImport(Lib)] public static partial int cuDevicePrimaryCtxRetain(out nint /* CUcontext */ context, int device);
    [LibraryImport(Lib, EntryPoint = "cuDevicePrimaryCtxRelease_v2")] public static partial int cuDevicePrimaryCtxRelease(int device);
    [LibraryImport(Lib)] public static partial int cuCtxSetCurrent(nint /* CUcontext */ context);
    [LibraryImport(Lib)] public static partial int cuCtxSynchronize();
    [LibraryImport(Lib, EntryPoint = "cuMemGetInfo_v2")] public static partial int cuMemGetInfo(out nuint free, out nuint total);

    [LibraryImport(Lib)] public static partial int cuStreamCreate(out nint /* CUstream */ stream, uint flags);
    [LibraryImport(Lib, EntryPoint = "cuStreamDestroy_v2")] public static partial int cuStreamDestroy(nint stream);
    [LibraryImport(Lib)] public static partial int cuStreamSynchronize(nint stream);

    [LibraryImport(Lib, EntryPoint = "cuMemAlloc_v2")] public static partial int cuMemAlloc(out ulong /* CUdeviceptr */ pointer, nuint bytes);
    [LibraryImport(Lib, EntryPoint = "cuMemFree_v2")] public static partial int cuMemFree(ulong pointer);
    [LibraryImport(Lib)] public static partial int cuMemHostAlloc(out nint pointer, nuint bytes, uint flags);
    [LibraryImport(Lib)] public static partial int cuMemFreeHost(nint pointer);
    [LibraryImport(Lib, EntryPoint = "cuMemcpyHtoDAsync_v2")] public static partial int cuMemcpyHtoDAsync(ulong dst, void* src, nuint bytes, nint stream);
    [LibraryImport(Lib, EntryPoint = "cuMemcpyDtoHAsync_v2")] public static partial int cuMemcpyDtoHAsync(void* dst, ulong src, nuint bytes, nint stream);
    [LibraryImport(Lib, EntryPoint = "cuMemcpyDtoDAsync_v2")] public static partial int cuMemcpyDtoDAsync(ulong dst, ulong src, nuint bytes, nint stream);

    [LibraryImport(Lib)] public static partial int cuModuleLoadData(out nint /* CUmodule */ module, void* image);
    [LibraryImport(Lib)] public static partial int cuModuleUnload(nint module);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int cuModuleGetFunction(out nint /* CUfunction */ function, nint module, string name);
    [LibraryImport(Lib)] public static partial int cuFuncSetAttribute(nint function, int attribute, int value);
    [LibraryImport(Lib)] public static partial int cuFuncGetAttribute(out int value, int attribute, nint function);

    // CUtensorMapDataType, CUtensorMapSwizzle, CUtensorMapL2promotion (cuda.h of CUDA 12.0+)
    public const int TensorMapFloat16 = 6;
    public const int TensorMapBFloat16 = 9;
    public const int TensorMapSwizzle128B = 3;
    public const int TensorMapL2Promotion128B = 2;

    /// <summary>cuTensorMapEncodeTiled (driver API, CUDA 12.0+): a TMA descriptor for a tiled view of global memory.
    /// Interleave and out-of-bounds fill are passed as 0: none, and zeros.</summary>
    [LibraryImport(Lib)]
    public static partial int cuTensorMapEncodeTiled(CuTensorMap* map, int dataType, uint rank, ulong globalAddress, ulong* globalDim,
        ulong* globalStrides, uint* boxDim, uint* elementStrides, int interleave, int swizzle, int l2Promotion, int oobFill);
    [LibraryImport(Lib)]
    public static partial int cuLaunchKernel(nint function, uint gridX, uint gridY, uint gridZ, uint blockX, uint blockY, uint blockZ,
        uint sharedBytes, nint stream, void** parameters, void** extra);

    [LibraryImport(Lib)] public static partial int cuEventCreate(out nint /* CUevent */ evt, uint flags);
    [LibraryImport(Lib)] public static partial int cuEventRecord(nint evt, nint stream);
    [LibraryImport(Lib)] public static partial int cuEventSynchronize(nint evt);
    [LibraryImport(Lib)] public static partial int cuEventElapsedTime(out float milliseconds, nint start, nint end);
    [LibraryImport(Lib, EntryPoint = "cuEventDestroy_v2")] public static partial int cuEventDestroy(nint evt);

    [LibraryImport(Lib, EntryPoint = "cuStreamBeginCapture_v2")] public static partial int cuStreamBeginCapture(nint stream, int mode);
    [LibraryImport(Lib)] public static partial int cuStreamEndCapture(nint stream, out nint /* CUgraph */ graph);
    [LibraryImport(Lib)] public static partial int cuGraphInstantiateWithFlags(out nint /* CUgraphExec */ exec, nint graph, ulong flags);
    [LibraryImport(Lib)] public static partial int cuGraphLaunch(nint exec, nint stream);
    [LibraryImport(Lib)] public static partial int cuGraphUpload(nint exec, nint stream);
    [LibraryImport(Lib)] public static partial int cuGraphGetNodes(nint graph, nint* nodes, out nuint count);
    [LibraryImport(Lib)] public static partial int cuGraphDestroy(nint graph);
    [LibraryImport(Lib)] public static partial int cuGraphExecDestroy(nint exec);
}
