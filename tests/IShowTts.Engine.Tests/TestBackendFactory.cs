using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Tests;

internal static class TestBackendFactory
{
    public static IBackend CreateNamed(string name) => name switch
    {
        "cuda" => IShowTts.Engine.Backends.Cuda.CudaBackend.Create(IShowTts.Engine.Backends.Cuda.CudaBackendOptions.FromEnvironment()),
        _ => throw new InvalidOperationException($"ISHOWTTS_TEST_BACKEND={name}: no such backend (cpu, cuda)"),
    };
}
