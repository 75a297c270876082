// Conveniences over SafetensorsWriter for float32 data: write float[] tensors as F32, and turn a float[]
// into the little-endian bytes of F32, F16 or BF16 (round to nearest even) for SafetensorsWriter.Write.
using System.Runtime.InteropServices;
using IShowTts.Engine.Tensors;
using IShowTts.Engine.Weights.Internal;

namespace IShowTts.Engine.Weights;

public static class SafetensorsWriterExtensions
{
    /// <summary>Writes every tensor as F32 (atomically, like <see cref="SafetensorsWriter.Write"/>).</summary>
    public static void WriteFloat32(string path, IEnumerable<(string Name, long[] Shape, float[] Values)> tensors,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        SafetensorsWriter.Write(path, tensors.Select(t => (t.Name, DType.F32, t.Shape, t.Values.AsF32Bytes())), metadata);

    /// <summary>The values as they are stored for <paramref name="dtype"/>.</summary>
    public static ReadOnlyMemory<byte> ToBytes(this float[] values, DType dtype) => dtype switch
    {
        DType.F32 => values.AsF32Bytes(),
        DType.F16 => values.ToF16Bytes(),
        DType.BF16 => values.ToBF16Bytes(),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The float32 bytes (a copy, little-endian).</summary>
    public static ReadOnlyMemory<byte> AsF32Bytes(this float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static ReadOnlyMemory<byte> ToF16Bytes(this float[] values)
    {
        var bytes = new byte[values.Length * 2];
        ElementConversion.Float32ToHalf(values, bytes);
        return bytes;
    }

    public static ReadOnlyMemory<byte> ToBF16Bytes(this float[] values)
    {
        var bytes = new byte[values.Length * 2];
        ElementConversion.Float32ToBFloat16(values, bytes);
        return bytes;
    }
}
