// Element types the engine stores. Weights arrive as any of these; the CPU backend computes in F32,
// the CUDA backend in F16 or BF16 with F32 accumulation.
namespace IShowTts.Engine.Tensors;

public enum DType
{
    F32,
    F16,
    BF16,
}

public static class DTypeExtensions
{
    public static int SizeInBytes(this DType dtype) => dtype switch
    {
        DType.F32 => 4,
        DType.F16 => 2,
        DType.BF16 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };
}
