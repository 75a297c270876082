namespace IShowTts.Engine.Tensors;

/// <summary>A tensor with its own storage, for buffers that live as long as one call.</summary>
public sealed class OwnedTensor : IDisposable
{
    public OwnedTensor(IBackend backend, params int[] shape) => T = backend.Allocate(shape);

    public Tensor T { get; }

    public void Dispose() => T.Storage.Dispose();
}
