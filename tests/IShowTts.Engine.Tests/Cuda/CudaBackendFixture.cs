// One CUDA backend (and one CPU reference backend) shared by the GPU tests of a class. Where the driver
// reports no device (CI), every test skips with that one-line reason; where a device exists but the
// backend cannot be opened (a kernel that does not compile, a missing cuBLASLt), every test fails with
// the error instead of hiding it behind a skip.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Backends.Cuda;

namespace IShowTts.Engine.Tests.Cuda;

public sealed class CudaBackendFixture : IDisposable
{
    private readonly Exception? _openError;

    public CudaBackendFixture()
    {
        if (CudaDevices.Count(out var reason) == 0)
        {
            SkipReason = $"no CUDA device: {reason}";
            return;
        }
        try
        {
            Cuda = CudaBackend.Create(new CudaBackendOptions());
        }
        catch (Exception e)
        {
            _openError = e;
        }
    }

    public CudaBackend? Cuda { get; }

    public CpuBackend Cpu { get; } = new();

    public string SkipReason { get; } = "";

    /// <summary>The backend; an xunit skip where no GPU exists; the opening error where one exists but failed.</summary>
    public CudaBackend Require()
    {
        if (_openError is not null) throw new InvalidOperationException($"a CUDA device exists but the backend did not open: {_openError.Message}", _openError);
        if (Cuda is null) Assert.Skip(SkipReason);
        return Cuda;
    }

    public void Dispose()
    {
        Cuda?.Dispose();
        Cpu.Dispose();
    }
}
