// One tensor as a weight file declares it: its stored name, element type and shape.
// A description only: the bytes stay in the file until IWeightFile.ReadFloat32 / CopyRaw asks for them.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Weights;

public sealed record WeightInfo(string Name, DType DType, long[] Shape)
{
    /// <summary>Product of the shape (1 for a scalar, 0 when any dimension is 0).</summary>
    public long ElementCount { get; } = ShapeText.ElementCount(Shape);

    /// <summary>Bytes the tensor occupies as stored.</summary>
    public long ByteLength => ElementCount * DType.SizeInBytes();

    public override string ToString() => $"{Name} {DType} {ShapeText.Format(Shape)}";
}
