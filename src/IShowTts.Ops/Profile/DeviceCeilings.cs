// The device's measured ceilings, the yardsticks of `profile`: the FLOP/s of one large plain GEMM in the
// backend's compute type (cuBLASLt / OpenBLAS) and the bytes/s of a large device-to-device copy. Measured,
// not taken from a datasheet, so "achieved / ceiling" says how close an op gets to what this machine does.
using System.Diagnostics;
using IShowTts.Engine.Tensors;
using IShowTts.Ops.Bench;

namespace IShowTts.Ops.Profile;

/// <param name="GemmShape">the (m, i, o) the FLOP/s ceiling was measured on.</param>
public sealed record DeviceCeilings(double FlopsPerSecond, double BytesPerSecond, (int M, int I, int O) GemmShape, long CopyBytes)
{
    public static DeviceCeilings Measure(IBackend backend)
    {
        bool gpu = backend.Device.Kind != DeviceKind.Cpu;
        int size = gpu ? 8192 : 1536;
        double perCall = GemmAlone.SecondsPerCall(backend, size, size, size, gpu ? 10 : 2);
        double flops = 2.0 * size * size * size / perCall;

        int elements = gpu ? 128 << 20 : 16 << 20;
        using var src = new OwnedTensor(backend, elements);
        using var dst = new OwnedTensor(backend, elements);
        backend.Fill(src.T, 1f, elements);
        backend.Copy(dst.T, src.T, elements);
        backend.Synchronize();
        int reps = gpu ? 20 : 3;
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < reps; r++) backend.Copy(dst.T, src.T, elements);
        backend.Synchronize();
        long bytes = 2L * elements * src.T.DType.SizeInBytes();
        return new DeviceCeilings(flops, bytes * reps / clock.Elapsed.TotalSeconds, (size, size, size), bytes);
    }
}
