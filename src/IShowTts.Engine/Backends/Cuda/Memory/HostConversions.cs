// bfloat16 ⇄ float32 on the host for staging (System.Numerics.Tensors converts Half but not bfloat16).
// Round to nearest even, NaN kept quiet: the same rule as float_to_bf16 in Kernels/common.cu.
namespace IShowTts.Engine.Backends.Cuda.Memory;

internal static class HostConversions
{
    public static void ToBFloat16(ReadOnlySpan<float> src, Span<ushort> dst)
    {
        for (int i = 0; i < src.Length; i++)
        {
            uint u = BitConverter.SingleToUInt32Bits(src[i]);
            if ((u & 0x7fffffffu) > 0x7f800000u)
            {
                dst[i] = (ushort)((u >> 16) | 0x40u);
                continue;
            }
            u += 0x7fffu + ((u >> 16) & 1u);
            dst[i] = (ushort)(u >> 16);
        }
    }

    public static void FromBFloat16(ReadOnlySpan<ushort> src, Span<float> dst)
    {
        for (int i = 0; i < src.Length; i++) dst[i] = BitConverter.UInt32BitsToSingle((uint)src[i] << 16);
    }
}
