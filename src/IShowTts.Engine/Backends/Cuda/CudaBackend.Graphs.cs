using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    /// <summary>Graph capture is not implemented yet: the sampler runs the loop eagerly.</summary>
    public IBackendGraph? Capture(Action work) => null;
}
