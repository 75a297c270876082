// Widening of stored 16-bit floats to float32 (exact for both), and the float32 → F16/BF16 narrowing the
// writer's helpers use (round to nearest even). Host byte order must be little-endian like the files.
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Weights.Internal;

internal static class ElementConversion
{
    /// <summary>Converts <paramref name="source"/> (little-endian elements of <paramref name="dtype"/>) into float32.</summary>
    public static void ToFloat32(DType dtype, ReadOnlySpan<byte> source, Span<float> destination)
    {
        EnsureLittleEndianHost();
        switch (dtype)
        {
            case DType.F32:
                source.CopyTo(MemoryMarshal.AsBytes(destination));
                break;
            case DType.F16:
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(source), destination);
                break;
            case DType.BF16:
                BFloat16ToFloat32(MemoryMarshal.Cast<byte, ushort>(source), MemoryMarshal.Cast<float, uint>(destination));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null);
        }
    }

    // bfloat16 is the upper half of a float32: widening is a 16-bit shift, exact for every value incl. NaN/Inf.
    private static void BFloat16ToFloat32(ReadOnlySpan<ushort> source, Span<uint> destination)
    {
        for (int i = 0; i < source.Length; i++)
            destination[i] = (uint)source[i] << 16;
    }

    public static void Float32ToHalf(ReadOnlySpan<float> source, Span<byte> destination)
    {
        EnsureLittleEndianHost();
        TensorPrimitives.ConvertToHalf(source, MemoryMarshal.Cast<byte, Half>(destination));
    }

    public static void Float32ToBFloat16(ReadOnlySpan<float> source, Span<byte> destination)
    {
        EnsureLittleEndianHost();
        var bits = MemoryMarshal.Cast<float, uint>(source);
        var output = MemoryMarshal.Cast<byte, ushort>(destination);
        for (int i = 0; i < bits.Length; i++)
            output[i] = RoundToBFloat16(bits[i]);
    }

    private static ushort RoundToBFloat16(uint bits)
    {
        if ((bits & 0x7FFF_FFFFu) > 0x7F80_0000u)              // NaN: keep it a (quiet) NaN, never round it to Inf
            return (ushort)((bits >> 16) | 0x0040);
        uint roundingBias = 0x7FFFu + ((bits >> 16) & 1u);     // round half to even
        return (ushort)((bits + roundingBias) >> 16);
    }

    private static void EnsureLittleEndianHost()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The weight readers assume a little-endian host.");
    }
}
