// Backend-internal workspaces, one grow-only buffer each: sized by the first request that needs them and
// reused by every later call, so the sampling loop allocates nothing once its first step has run.
namespace IShowTts.Engine.Backends.Cuda.Memory;

internal enum ScratchSlot
{
    /// <summary>float GEMM result before a gated or accumulating epilogue.</summary>
    GemmResult,
    /// <summary>activations converted to the weights' element type.</summary>
    Converted,
    /// <summary>im2col rows of a grouped convolution.</summary>
    Im2Col,
    /// <summary>GRN per-channel norms (double).</summary>
    GrnNorms,
    /// <summary>ISTFT frames before overlap-add.</summary>
    IstftFrames,
    /// <summary>embedding token ids.</summary>
    TokenIds,
    /// <summary>a gated residual's float gate (cuBLASLt alpha vector) and gated bias.</summary>
    GateVectors,
    /// <summary>a gated residual's weight rows scaled by the gate, then the gated bias.</summary>
    GatedWeights,

}
