// The loop-invariant memory rule on the GPU: once a step's ops have run once, running them again takes
// no device memory (workspaces and cuBLASLt plans are reused), and freed storages come back from the
// pool's cache instead of new allocations.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Tests.Cuda;

[Trait("Category", "Gpu")]
public sealed class CudaMemoryTests(CudaBackendFixture fixture) : IClassFixture<CudaBackendFixture>
{
    [Fact]
    public void RepeatedStepsAllocateNoDeviceMemoryAfterTheFirst()
    {
        var cuda = fixture.Require();
        int rows = 2 * 75, d = 64, h = 4, dh = 16, ff = 128;
        using var run = new OpRun(cuda, DType.F16, 7);
        var x = run.Input(1f, rows, d);
        var u = run.Output(rows, d);
        var qkv = run.Output(rows, 3 * d);
        var attn = run.Output(rows, d);
        var hidden = run.Output(rows, ff);
        var mod = run.Input(0.2f, 6 * d);
        var wq = run.Input(0.1f, 3 * d, d);
        var wo = run.Input(0.1f, d, d);
        var w1 = run.Input(0.1f, ff, d);
        var w2 = run.Input(0.1f, d, ff);
        void Step()
        {
            cuda.LayerNormModulate(u, x, mod.View(0, d), mod.View(d, d), rows, d, 1e-6f);
            cuda.Linear(qkv, u, wq, null, rows, d, 3 * d, Epilogue.None);
            cuda.Rotary(qkv, 2, 75, h, dh, h);
            cuda.Attention(attn, qkv, 2, 75, h, dh);
            cuda.Linear(x, attn, wo, null, rows, d, d, Epilogue.GatedResidual(mod.View(2 * d, d)));
            cuda.Linear(hidden, u, w1, null, rows, d, ff, Epilogue.Act(Activation.GeluTanh));
            cuda.Linear(x, hidden, w2, null, rows, ff, d, Epilogue.GatedResidual(mod.View(5 * d, d)));
        }

        Step();
        cuda.Synchronize();
        long before = cuda.AllocatedBytes;
        cuda.ResetPeakMemory();
        for (int i = 0; i < 3; i++) Step();
        cuda.Synchronize();

        Assert.Equal(before, cuda.AllocatedBytes);
        Assert.Equal(before, cuda.PeakAllocatedBytes);
    }

    [Fact]
    public void FreedStoragesAreReusedFromThePool()
    {
        var cuda = fixture.Require();
        var first = cuda.Allocate(DType.F32, 1000, 100);
        first.Storage.Dispose();
        cuda.ResetPeakMemory();
        long reservedBefore = cuda.PeakReservedBytes;

        var second = cuda.Allocate(DType.F32, 1000, 100);
        second.Storage.Dispose();

        Assert.Equal(reservedBefore, cuda.PeakReservedBytes);
    }
}
