// A typed view into backend storage: element offset + shape. Views never copy; the storage owner frees
// the memory. Shapes are row-major, last dimension contiguous (the engine's layout is channels-last:
// (b, n, d), never (b, d, n)).
namespace IShowTts.Engine.Tensors;

public sealed class Tensor
{
    public Tensor(TensorStorage storage, long offset, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(storage);
        long count = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"negative dimension in shape [{string.Join(", ", shape)}]");
            count *= s;
        }
        if (offset < 0 || offset + count > storage.Capacity)
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"view [{offset}, {offset + count}) of shape [{string.Join(", ", shape)}] is outside storage of {storage.Capacity} elements");
        Storage = storage;
        Offset = offset;
        Shape = shape;
        Count = count;
    }

    public TensorStorage Storage { get; }

    /// <summary>First element of this view, in elements from the start of the storage.</summary>
    public long Offset { get; }

    public int[] Shape { get; }

    /// <summary>Number of elements (product of the shape).</summary>
    public long Count { get; }

    public DType DType => Storage.DType;

    public int Rank => Shape.Length;

    /// <summary>A view of <paramref name="shape"/> starting <paramref name="elementOffset"/> elements into this one.</summary>
    public Tensor View(long elementOffset, params int[] shape)
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        if (elementOffset < 0 || elementOffset + count > Count)
            throw new ArgumentOutOfRangeException(nameof(elementOffset),
                $"view [{elementOffset}, {elementOffset + count}) is outside a tensor of {Count} elements");
        return new Tensor(Storage, Offset + elementOffset, shape);
    }

    /// <summary>Rows [start, start + count) along the first dimension.</summary>
    public Tensor Rows(int start, int count)
    {
        var rowSize = Count / Math.Max(1, Shape[0]);
        var shape = (int[])Shape.Clone();
        shape[0] = count;
        return View(start * rowSize, shape);
    }

    /// <summary>The same elements seen with another shape of equal element count.</summary>
    public Tensor Reshape(params int[] shape)
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        if (count != Count)
            throw new ArgumentException($"cannot reshape [{string.Join(", ", Shape)}] to [{string.Join(", ", shape)}]");
        return new Tensor(Storage, Offset, shape);
    }

    public override string ToString() => $"{DType}[{string.Join(", ", Shape)}]@{Offset}";
}
