// One cached cuBLASLt plan: the matmul descriptor, the three operand layouts, the heuristic's candidate
// algorithms and the one in use (the first candidate until the tuner has timed them). Owns its native
// objects; CublasLtGemm keeps one per GemmShape for the backend's life.
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Gemm;

internal sealed class GemmPlan(MatmulDescHandle desc, MatrixLayoutHandle w, MatrixLayoutHandle x, MatrixLayoutHandle y,
    CublasLt.Algo algo, long workspaceBytes, CublasLt.Algo[] candidates) : IDisposable
{
    public MatmulDescHandle Desc { get; } = desc;
    public MatrixLayoutHandle W { get; } = w;
    public MatrixLayoutHandle X { get; } = x;
    public MatrixLayoutHandle Y { get; } = y;
    public CublasLt.Algo Algo = algo;
    public long WorkspaceBytes { get; } = workspaceBytes;

    /// <summary>The heuristic's algorithms, best guess first; the tuner times them on the first real call.</summary>
    public CublasLt.Algo[] Candidates { get; } = candidates;

    /// <summary>alpha is a device vector (cuBLASLt pointer mode ALPHA_DEVICE_VECTOR_BETA_HOST).</summary>
    public bool AlphaVector { get; init; }

    /// <summary>Algo was chosen by timing the candidates (or there was one candidate).</summary>
    public bool Tuned { get; set; } = candidates.Length <= 1;

    /// <summary>Microseconds per call of the heuristic's first choice and of the chosen algorithm, when tuned by timing.</summary>
    public (double First, double Chosen)? TunedMicroseconds { get; set; }

    public void Dispose()
    {
        Desc.Dispose();
        W.Dispose();
        X.Dispose();
        Y.Dispose();
    }
}
