// Storage, host transfers and whole-buffer ops. Upload converts float32 to the tensor's element type on
// the host (half the bytes over PCIe for F16) into pinned staging, then copies asynchronously; Download
// copies into staging, waits, and widens to float32.
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    public TensorStorage AllocateStorage(DType dtype, long count)
    {
        MakeCurrent();
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "negative element count");
        var block = _pool.Rent(Math.Max(1, count) * dtype.SizeInBytes());
        return new CudaStorage(_pool, block, dtype, count);
    }

    public unsafe void Upload(Tensor dst, ReadOnlySpan<float> src)
    {
        if (src.Length != dst.Count) throw new ArgumentException($"upload of {src.Length} values into {dst}");
        MakeCurrent();
        ThrowIfCapturing("Upload");
        ulong target = Ptr(dst);
        int size = dst.DType.SizeInBytes();
        int chunk = (int)(_staging.MaxChunkBytes / sizeof(float));
        for (int start = 0; start < src.Length; start += chunk)
        {
            var part = src.Slice(start, Math.Min(chunk, src.Length - start));
            byte* host = _staging.Reserve((long)part.Length * size);
            switch (dst.DType)
            {
                case DType.F32: part.CopyTo(new Span<float>(host, part.Length)); break;
                case DType.F16: TensorPrimitives.ConvertToHalf(part, new Span<Half>(host, part.Length)); break;
                case DType.BF16: HostConversions.ToBFloat16(part, new Span<ushort>(host, part.Length)); break;
                default: throw new ArgumentOutOfRangeException(nameof(dst), dst.DType, null);
            }
            CudaDriver.Check(CudaDriver.cuMemcpyHtoDAsync(target + (ulong)((long)start * size), host, (nuint)((long)part.Length * size), _stream.Value));
        }
    }

    public unsafe void Download(Tensor src, Span<float> dst)
    {
        if (dst.Length != src.Count) throw new ArgumentException($"download of {src} into {dst.Length} values");
        MakeCurrent();
        ThrowIfCapturing("Download");
        ulong from = Ptr(src);
        int size = src.DType.SizeInBytes();
        int chunk = (int)(_staging.MaxChunkBytes / sizeof(float));
        for (int start = 0; start < dst.Length; start += chunk)
        {
            var part = dst.Slice(start, Math.Min(chunk, dst.Length - start));
            byte* host = _staging.Reserve((long)part.Length * size);
            CudaDriver.Check(CudaDriver.cuMemcpyDtoHAsync(host, from + (ulong)((long)start * size), (nuint)((long)part.Length * size), _stream.Value));
            WaitForStream();
            switch (src.DType)
            {
                case DType.F32: new ReadOnlySpan<float>(host, part.Length).CopyTo(part); break;
                case DType.F16: TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(host, part.Length), part); break;
                case DType.BF16: HostConversions.FromBFloat16(new ReadOnlySpan<ushort>(host, part.Length), part); break;
                default: throw new ArgumentOutOfRangeException(nameof(src), src.DType, null);
            }
        }
    }

    public void Copy(Tensor dst, Tensor src, long count)
    {
        Need(dst, count, "Copy dst");
        Need(src, count, "Copy src");
        if (count == 0) return;
        MakeCurrent();
        if (dst.DType == src.DType)
        {
            CudaDriver.Check(CudaDriver.cuMemcpyDtoDAsync(Ptr(dst), Ptr(src), (nuint)(count * dst.DType.SizeInBytes()), _stream.Value));
            AfterOp("Copy");
            return;
        }
        Args().Add(Ptr(dst)).Add(Code(dst)).Add(Ptr(src)).Add(Code(src)).Add(count);
        Launch("ew_convert", GridFor(count));
    }

    public void Fill(Tensor dst, float value, long count)
    {
        Need(dst, count, "Fill");
        if (count == 0) return;
        MakeCurrent();
        Args().Add(Ptr(dst)).Add(Code(dst)).Add(value).Add(count);
        Launch("ew_fill", GridFor(count));
    }
}
