// CUDA backend: every op of IBackend on one NVIDIA GPU, on one stream, in the element type of the
// tensors it is given (F16/BF16 activations for the DiT, F32 for the vocoder and the mel; float math
// inside every kernel). GEMMs go through cuBLASLt, everything else through our NVRTC-compiled kernels
// (Kernels/*.cu). Memory comes from a caching pool; uploads and downloads go through pinned staging.
// Ops are split by kind over CudaBackend.*.cs. Not thread-safe: one request at a time per backend.
using IShowTts.Engine.Backends.Cuda.Compilation;
using IShowTts.Engine.Backends.Cuda.Gemm;
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend : IBackend
{
    private const long StagingBytes = 32L << 20;
    private const long GemmWorkspaceBytes = 32L << 20;

    [ThreadStatic] private static nint _currentContext;

    private readonly PrimaryContextHandle _context;
    private readonly CudaStreamHandle _stream;
    private readonly DeviceMemoryPool _pool;
    private readonly PinnedStaging _staging;
    private readonly ScratchBuffers _scratch;
    private readonly CudaKernels _kernels;
    private readonly DeviceMemoryHandle _gemmWorkspace;
    private readonly CublasLtGemm _gemm;
    private readonly KernelArgs _args = new();
    private readonly bool _syncEachOp = Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_SYNC") == "1";
    private bool _disposed;

    private CudaBackend(CudaBackendOptions options, int device, string name)
    {
        WeightType = options.WeightType;
        ComputeType = options.WeightType;
        CudaDriver.Check(CudaDriver.cuDevicePrimaryCtxRetain(out var ctx, device));
        _context = new PrimaryContextHandle(ctx, device);
        var built = new List<IDisposable>();
        try
        {
            MakeCurrent();
            CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(out var major, CudaDriver.AttributeComputeCapabilityMajor, device));
            CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(out var minor, CudaDriver.AttributeComputeCapabilityMinor, device));
            CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(out var sms, CudaDriver.AttributeMultiprocessorCount, device));
            CudaDriver.Check(CudaDriver.cuDeviceTotalMem(out var total, device));
            CudaDriver.Check(CudaDriver.cuDriverGetVersion(out var driver));
            ComputeCapability = (major, minor);
            MultiprocessorCount = sms;

            CudaDriver.Check(CudaDriver.cuStreamCreate(out var stream, 0));
            _stream = new CudaStreamHandle(stream, ctx);
            built.Add(_stream);
            _pool = new DeviceMemoryPool(ctx);
            built.Add(_pool);
            _staging = new PinnedStaging(StagingBytes, ctx, WaitForStream);
            built.Add(_staging);
            _scratch = new ScratchBuffers(_pool);
            built.Add(_scratch);
            var cache = options.KernelCacheDirectory is null ? KernelCache.Default() : new KernelCache(options.KernelCacheDirectory);
            _kernels = new CudaKernels(ctx, major, minor, cache);
            built.Add(_kernels);
            _gemmWorkspace = _pool.Rent(GemmWorkspaceBytes);
            _gemm = new CublasLtGemm(_gemmWorkspace.Pointer, GemmWorkspaceBytes);
            built.Add(_gemm);
            if (Environment.GetEnvironmentVariable("ISHOWTTS_CUDA_TUNE") != "0") _gemm.TuningScratch = LendTuningScratch;

            KernelCacheDirectory = cache.Directory;
            Device = new DeviceInfo(DeviceKind.Cuda, name, (long)total,
                $"sm_{major}{minor}, {sms} SMs, driver CUDA {driver / 1000}.{driver % 1000 / 10}, NVRTC {KernelCompiler.NvrtcVersion()} " +
                $"({_kernels.Target}, {_kernels.Compiled} modules compiled, {_kernels.FromCache} from cache, {_kernels.LoadMilliseconds:F0} ms), " +
                $"cuBLASLt {CublasLtGemm.Version()}, {ComputeType} compute; {CudaLibraries.PathOf(CudaLibraries.CublasLtName)}");
        }
        catch
        {
            for (int i = built.Count - 1; i >= 0; i--) built[i].Dispose();
            _args.Dispose();
            _context.Dispose();
            throw;
        }
    }

    public DeviceInfo Device { get; }

    public DType ComputeType { get; }

    public DType WeightType { get; }

    public (int Major, int Minor) ComputeCapability { get; }

    public int MultiprocessorCount { get; }

    public string? KernelCacheDirectory { get; }

    /// <summary>Device bytes the engine holds now: weights, activations, workspaces (the CUDA context not included).</summary>
    public long AllocatedBytes => _pool.InUseBytes;

    /// <summary>The most device bytes the engine held at once since creation or <see cref="ResetPeakMemory"/>.</summary>
    public long PeakAllocatedBytes => _pool.PeakInUseBytes;

    /// <summary>Peak of held plus cached (freed, kept for reuse) bytes: what cuMemAlloc actually took.</summary>
    public long PeakReservedBytes => _pool.PeakReservedBytes;

    public void ResetPeakMemory() => _pool.ResetPeak();

    /// <summary>Opens device <paramref name="options"/>.DeviceOrdinal, or says in one line why it cannot.</summary>
    public static bool TryCreate(out CudaBackend? backend, out string reason) =>
        TryCreate(CudaBackendOptions.FromEnvironment(), out backend, out reason);

    public static bool TryCreate(CudaBackendOptions options, out CudaBackend? backend, out string reason)
    {
        backend = null;
        try
        {
            if (!CudaDevices.TryOpen(options, out var device, out var name, out reason)) return false;
            backend = new CudaBackend(options, device, name);
            reason = "";
            return true;
        }
        catch (Exception e) when (e is CudaException or DllNotFoundException or EntryPointNotFoundException)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>Opens the device or throws a CudaException that says why.</summary>
    public static CudaBackend Create(CudaBackendOptions? options = null)
    {
        if (TryCreate(options ?? CudaBackendOptions.FromEnvironment(), out var backend, out var reason)) return backend!;
        throw new CudaException($"no CUDA backend: {reason}");
    }

    public void Synchronize()
    {
        MakeCurrent();
        ThrowIfCapturing("Synchronize");
        WaitForStream();
    }

    /// <summary>Milliseconds of device time <paramref name="work"/> takes, measured with CUDA events.</summary>
    public double MeasureMilliseconds(Action work)
    {
        MakeCurrent();
        ThrowIfCapturing("MeasureMilliseconds");
        CudaDriver.Check(CudaDriver.cuEventCreate(out var s, 0));
        using var start = new CudaEventHandle(s, _context.Value);
        CudaDriver.Check(CudaDriver.cuEventCreate(out var e, 0));
        using var end = new CudaEventHandle(e, _context.Value);
        CudaDriver.Check(CudaDriver.cuEventRecord(s, _stream.Value));
        work();
        MakeCurrent();
        CudaDriver.Check(CudaDriver.cuEventRecord(e, _stream.Value));
        CudaDriver.Check(CudaDriver.cuEventSynchronize(e));
        CudaDriver.Check(CudaDriver.cuEventElapsedTime(out var ms, s, e));
        return ms;
    }

    public void Dispose()
    {
        if (_disposed) return;
        // Make the context current directly: MakeCurrent refuses a disposed backend.
        if (CudaDriver.cuCtxSetCurrent(_context.Value) == 0)
        {
            _currentContext = _context.Value;
            CudaDriver.cuStreamSynchronize(_stream.Value);
        }
        _disposed = true;
        _capturing = null;
        DisposeGraphs();
        _gemm.Dispose();
        _pool.Return(_gemmWorkspace);
        ReleasePackedConvWeights();
        _scratch.Dispose();
        _kernels.Dispose();
        _staging.Dispose();
        _pool.Dispose();
        _stream.Dispose();
        _args.Dispose();
        _context.Dispose();
        _currentContext = 0;
    }

    /// <summary>GEMM shapes the tuner timed: the heuristic's first choice and the chosen algorithm, µs per call.</summary>
    internal IEnumerable<(GemmShape Shape, double First, double Chosen)> GemmTuning => _gemm.TuningResults;

    private (ulong Pointer, Action Release)? LendTuningScratch(long bytes)
    {
        if (_capturing is not null) return null;
        var block = _pool.Rent(bytes);
        return (block.Pointer, () => _pool.Return(block));
    }

    private void WaitForStream()
    {
        CudaDriver.Check(CudaDriver.cuStreamSynchronize(_stream.Value));
        _staging?.StreamIdle();
    }

    /// <summary>Makes this backend's context current on the calling thread (contexts are per thread).</summary>
    private void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_currentContext == _context.Value) return;
        CudaDriver.Check(CudaDriver.cuCtxSetCurrent(_context.Value));
        _currentContext = _context.Value;
    }
}
