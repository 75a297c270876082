// One cached cuBLASLt plan: the matmul descriptor, the three operand layouts and the algorithm the
// heuristic chose. Owns its native objects; CublasLtGemm keeps one per GemmShape for the backend's life.
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Gemm;

internal sealed class GemmPlan(MatmulDescHandle desc, MatrixLayoutHandle w, MatrixLayoutHandle x, MatrixLayoutHandle y,
    CublasLt.Algo algo, long workspaceBytes) : IDisposable
{
    public MatmulDescHandle Desc { get; } = desc;
    public MatrixLayoutHandle W { get; } = w;
    public MatrixLayoutHandle X { get; } = x;
    public MatrixLayoutHandle Y { get; } = y;
    public CublasLt.Algo Algo = algo;
    public long WorkspaceBytes { get; } = workspaceBytes;

    public void Dispose()
    {
        Desc.Dispose();
        W.Dispose();
        X.Dispose();
        Y.Dispose();
    }
}
