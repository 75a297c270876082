// CUDA graphs (IBackend.Capture): the ops a piece of work issues are recorded on the backend's stream
// (thread-local capture mode, so any forbidden call on this thread — an allocation, a synchronise —
// fails the capture) and instantiated once; Launch replays them with one cuGraphLaunch. While recording,
// uploads, downloads, synchronises and pool allocations throw: everything the work needs (kernels,
// cuBLASLt plans, workspaces) must exist from an eager run of the same work first.
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    private readonly HashSet<CudaGraph> _liveGraphs = [];
    private string? _capturing;

    /// <summary>Graphs recorded and not yet disposed (they pin the workspaces they point at).</summary>
    public int LiveGraphs => _liveGraphs.Count;

    /// <summary>Whether a capture is recording now (ops are recorded, not run).</summary>
    public bool IsCapturing => _capturing is not null;

    public IBackendGraph? Capture(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        MakeCurrent();
        if (_capturing is not null) throw new InvalidOperationException("a CUDA graph capture is already recording on this backend");
        CudaDriver.Check(CudaDriver.cuStreamBeginCapture(_stream.Value, CudaDriver.StreamCaptureModeThreadLocal));
        _capturing = "recording a CUDA graph";
        _pool.ForbidAllocation = "a CUDA graph is being recorded (an op inside the recorded work needs memory its eager run did not size)";
        nint graph;
        try
        {
            work();
        }
        catch
        {
            EndCapture(out graph);
            if (graph != 0) CudaDriver.cuGraphDestroy(graph);
            throw;
        }
        int status = EndCapture(out graph);
        if (status != 0)
        {
            if (graph != 0) CudaDriver.cuGraphDestroy(graph);
            throw CudaDriver.Error(status, "cuStreamEndCapture (an op of the recorded work was not capturable)");
        }
        using var template = new CudaGraphHandle(graph, _context.Value);
        unsafe { CudaDriver.Check(CudaDriver.cuGraphGetNodes(graph, null, out var nodes)); NodeCount = (long)nodes; }
        CudaDriver.Check(CudaDriver.cuGraphInstantiateWithFlags(out var exec, graph, 0));
        var handle = new CudaGraphExecHandle(exec, _context.Value);
        int upload = CudaDriver.cuGraphUpload(exec, _stream.Value);
        if (upload != 0)
        {
            handle.Dispose();
            throw CudaDriver.Error(upload, "cuGraphUpload");
        }
        var result = new CudaGraph(this, handle, (int)NodeCount);
        _liveGraphs.Add(result);
        _scratch.KeepRetired = true;
        return result;
    }

    /// <summary>Nodes (kernels, copies, GEMMs) of the last recorded graph.</summary>
    public long NodeCount { get; private set; }

    private int EndCapture(out nint graph)
    {
        _capturing = null;
        _pool.ForbidAllocation = null;
        return CudaDriver.cuStreamEndCapture(_stream.Value, out graph);
    }

    internal void LaunchGraph(CudaGraphExecHandle exec)
    {
        MakeCurrent();
        if (_capturing is not null) throw new InvalidOperationException("a CUDA graph cannot be launched while another is being recorded");
        CudaDriver.Check(CudaDriver.cuGraphLaunch(exec.Value, _stream.Value));
        AfterOp("graph launch");
    }

    internal void ForgetGraph(CudaGraph graph)
    {
        if (!_liveGraphs.Remove(graph) || _liveGraphs.Count > 0 || _disposed) return;
        // No graph points at retired workspaces any more: give them back once queued work is done.
        MakeCurrent();
        WaitForStream();
        _scratch.KeepRetired = false;
    }

    /// <summary>Throws when called while a graph is recorded: <paramref name="what"/> cannot be part of one.</summary>
    private void ThrowIfCapturing(string what)
    {
        if (_capturing is not null)
            throw new InvalidOperationException($"{what} while {_capturing}: the recorded work must not upload, download, allocate or synchronise");
    }

    private void DisposeGraphs()
    {
        foreach (var g in _liveGraphs.ToArray()) g.Release();
        _liveGraphs.Clear();
    }
}
