// Plumbing shared by the op files: device pointers of tensor views, element-type codes, bounds checks
// (a GPU kernel would write past a view silently) and the one kernel launcher.
using IShowTts.Engine.Backends.Cuda.Compilation;
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    private const uint Threads = 256;
    private const int DefaultSharedLimit = 48 * 1024;
    private readonly HashSet<string> _sharedOptIn = [];

    private ulong Ptr(Tensor t)
    {
        if (t.Storage is not CudaStorage s || s.Pool != _pool)
            throw new ArgumentException($"tensor {t} does not live on this CUDA backend");
        return s.Pointer + (ulong)(t.Offset * t.DType.SizeInBytes());
    }

    private ulong PtrOrZero(Tensor? t) => t is null ? 0 : Ptr(t);

    private static int Code(Tensor? t) => t is null ? 0 : (int)t.DType;

    private static void Need(Tensor t, long count, string what)
    {
        if (t.Count < count)
            throw new ArgumentException($"{what}: tensor {t} holds {t.Count} elements, the op needs {count}");
    }

    private KernelArgs Args() => _args.Begin();

    /// <summary>Blocks for a grid-stride loop over <paramref name="count"/> elements.</summary>
    private uint GridFor(long count) => (uint)Math.Clamp((count + Threads - 1) / Threads, 1, MultiprocessorCount * 32L);

    /// <summary>Launches <paramref name="kernel"/> with the arguments last built by Args().</summary>
    private unsafe void Launch(string kernel, uint gridX, uint block = Threads, uint sharedBytes = 0, uint gridY = 1, uint gridZ = 1)
    {
        var function = _kernels[kernel];
        if (sharedBytes > DefaultSharedLimit && _sharedOptIn.Add($"{kernel}:{sharedBytes}"))
            CudaDriver.Check(CudaDriver.cuFuncSetAttribute(function, CudaDriver.FuncAttributeMaxDynamicSharedSizeBytes, (int)sharedBytes));
        int status = CudaDriver.cuLaunchKernel(function, gridX, gridY, gridZ, block, 1, 1, sharedBytes, _stream.Value, _args.Pointers, null);
        if (status != 0) throw CudaDriver.Error(status, $"cuLaunchKernel({kernel}, grid {gridX}x{gridY}x{gridZ}, block {block}, shared {sharedBytes})");
        AfterOp(kernel);
    }

    /// <summary>With ISHOWTTS_CUDA_SYNC=1, waits after every op so an asynchronous fault names its op.</summary>
    private void AfterOp(string what)
    {
        if (!_syncEachOp || _capturing is not null) return;
        int status = CudaDriver.cuStreamSynchronize(_stream.Value);
        if (status != 0) throw CudaDriver.Error(status, $"cuStreamSynchronize after {what}");
    }
}
