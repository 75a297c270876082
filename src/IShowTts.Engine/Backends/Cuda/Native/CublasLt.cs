// cuBLASLt (libcublasLt.so.13/.12): the matmul API with epilogues. Enum values mirror cublasLt.h and
// library_types.h of CUDA 12.x/13.0. Descriptors and layouts are owned by SafeHandles (Handles.cs).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cuda.Native;

internal static unsafe partial class CublasLt
{
    private const string Lib = CudaLibraries.CublasLtName;

    // cudaDataType_t
    public const int R32F = 0;
    public const int R16F = 2;
    public const int R16BF = 14;

    // cublasComputeType_t
    public const int Compute32F = 68;

    // cublasOperation_t
    public const int OpN = 0;
    public const int OpT = 1;

    // cublasLtMatmulDescAttributes_t
    public const int DescPointerMode = 2;
    public const int DescTransA = 3;
    public const int DescTransB = 4;
    public const int DescEpilogue = 7;
    public const int DescBiasPointer = 8;
    public const int DescBiasDataType = 26;

    // cublasLtPointerMode_t: alpha a device vector (one value per row of D, float), beta a host float.
    public const int PointerModeHost = 0;
    public const int PointerModeAlphaDeviceVectorBetaHost = 4;

    // cublasLtEpilogue_t
    public const uint EpilogueDefault = 1;
    public const uint EpilogueBias = 4;
    public const uint EpilogueGelu = 32;
    public const uint EpilogueGeluBias = 36;

    // cublasLtMatrixLayoutAttribute_t
    public const int LayoutBatchCount = 5;
    public const int LayoutStridedBatchOffset = 6;

    // cublasLtMatmulPreferenceAttributes_t
    public const int PrefMaxWorkspaceBytes = 1;
    public const int PrefMinAlignmentABytes = 5;
    public const int PrefMinAlignmentBBytes = 6;
    public const int PrefMinAlignmentCBytes = 7;
    public const int PrefMinAlignmentDBytes = 8;

    /// <summary>cublasLtMatmulHeuristicResult_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HeuristicResult
    {
        public Algo Algo;
        public nuint WorkspaceSize;
        public int State;
        public float WavesCount;
        public fixed int Reserved[4];
    }

    /// <summary>cublasLtMatmulAlgo_t: 8 opaque 64-bit words.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Algo
    {
        public fixed ulong Data[8];
    }

    public static void Check(int status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status == 0) return;
        string name = "CUBLAS_STATUS_" + status, message = "";
        try
        {
            var n = cublasLtGetStatusName(status);
            if (n != 0) name = Marshal.PtrToStringUTF8(n) ?? name;
            var s = cublasLtGetStatusString(status);
            if (s != 0) message = Marshal.PtrToStringUTF8(s) ?? message;
        }
        catch (EntryPointNotFoundException)
        {
        }
        throw new CudaException("cuBLASLt", call, status, name, message);
    }

    [LibraryImport(Lib)] public static partial nint cublasLtGetStatusName(int status);
    [LibraryImport(Lib)] public static partial nint cublasLtGetStatusString(int status);
    [LibraryImport(Lib)] public static partial nuint cublasLtGetVersion();

    [LibraryImport(Lib)] public static partial int cublasLtCreate(out nint /* cublasLtHandle_t */ handle);
    [LibraryImport(Lib)] public static partial int cublasLtDestroy(nint handle);

    [LibraryImport(Lib)] public static partial int cublasLtMatmulDescCreate(out nint /* cublasLtMatmulDesc_t */ desc, int computeType, int scaleType);
    [LibraryImport(Lib)] public static partial int cublasLtMatmulDescDestroy(nint desc);
    [LibraryImport(Lib)] public static partial int cublasLtMatmulDescSetAttribute(nint desc, int attribute, void* value, nuint size);

    [LibraryImport(Lib)]
    public static partial int cublasLtMatrixLayoutCreate(out nint /* cublasLtMatrixLayout_t */ layout, int type, ulong rows, ulong cols, long ld);
    [LibraryImport(Lib)] public static partial int cublasLtMatrixLayoutDestroy(nint layout);
    [LibraryImport(Lib)] public static partial int cublasLtMatrixLayoutSetAttribute(nint layout, int attribute, void* value, nuint size);

    [LibraryImport(Lib)] public static partial int cublasLtMatmulPreferenceCreate(out nint /* cublasLtMatmulPreference_t */ pref);
    [LibraryImport(Lib)] public static partial int cublasLtMatmulPreferenceDestroy(nint pref);
    [LibraryImport(Lib)] public static partial int cublasLtMatmulPreferenceSetAttribute(nint pref, int attribute, void* value, nuint size);

    [LibraryImport(Lib)]
    public static partial int cublasLtMatmulAlgoGetHeuristic(nint handle, nint desc, nint a, nint b, nint c, nint d, nint pref,
        int requested, HeuristicResult* results, out int returned);

    [LibraryImport(Lib)]
    public static partial int cublasLtMatmul(nint handle, nint desc, void* alpha, ulong a, nint aDesc, ulong b, nint bDesc,
        void* beta, ulong c, nint cDesc, ulong d, nint dDesc, Algo* algo, ulong workspace, nuint workspaceBytes, nint stream);
}
