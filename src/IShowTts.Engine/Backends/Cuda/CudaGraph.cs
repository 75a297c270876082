// One recorded and instantiated CUDA graph of a CudaBackend (IBackendGraph): Launch replays it on the
// backend's stream. Owns its CUgraphExec; disposing it (or the backend) releases it. Not thread-safe,
// like the backend.
using IShowTts.Engine.Backends.Cuda.Native.Handles;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed class CudaGraph : IBackendGraph
{
    private readonly CudaBackend _backend;
    private readonly CudaGraphExecHandle _exec;

    internal CudaGraph(CudaBackend backend, CudaGraphExecHandle exec, int nodes)
    {
        _backend = backend;
        _exec = exec;
        Nodes = nodes;
    }

    /// <summary>Nodes the capture recorded (kernel launches, GEMM kernels, copies).</summary>
    public int Nodes { get; }

    public void Launch()
    {
        ObjectDisposedException.ThrowIf(_exec.IsClosed, this);
        _backend.LaunchGraph(_exec);
    }

    public void Dispose()
    {
        if (_exec.IsClosed) return;
        _backend.ForgetGraph(this);
        _exec.Dispose();
    }

    /// <summary>The backend is going away: release the executable without touching the backend.</summary>
    internal void Release() => _exec.Dispose();
}
