// Shape helpers shared by the weight readers and their error messages: element counts that refuse to
// overflow and a "[512, 100, 7]" rendering. Not a tensor type.
namespace IShowTts.Engine.Weights;

public static class ShapeText
{
    /// <summary>"[512, 100, 7]"; "[]" for a scalar.</summary>
    public static string Format(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>Product of the dimensions; throws for a negative dimension or a product past long.MaxValue.</summary>
    public static long ElementCount(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
                throw new ArgumentException($"shape {Format(shape)} has a negative dimension", nameof(shape));
            count = checked(count * dim);
        }
        return count;
    }

    public static bool SameShape(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (a[i] != b[i]) return false;
        return true;
    }
}
