// One CUDA backend (and one CPU reference backend) shared by the GPU tests of a class; when no GPU can
// be opened it keeps the one-line reason so every test skips with it instead of failing.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Backends.Cuda;

namespace IShowTts.Engine.Tests.Cuda;

public sealed class CudaBackendFixture : IDisposable
{
    public CudaBackendFixture()
    {
        if (CudaBackend.TryCreate(new CudaBackendOptions(), out var backend, out var reason)) Cuda = backend;
        else SkipReason = $"no CUDA device: {reason}";
    }

    public CudaBackend? Cuda { get; }

    public CpuBackend Cpu { get; } = new();

    public string SkipReason { get; } = "";

    /// <summary>The backend, or an xunit skip with the reason no GPU is usable here.</summary>
    public CudaBackend Require()
    {
        if (Cuda is null) Assert.Skip(SkipReason);
        return Cuda;
    }

    public void Dispose()
    {
        Cuda?.Dispose();
        Cpu.Dispose();
    }
}
