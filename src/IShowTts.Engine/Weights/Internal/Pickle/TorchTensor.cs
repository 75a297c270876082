// A tensor as torch._utils._rebuild_tensor_v2 describes it: a view (offset, shape, stride; in elements)
// into a storage. The reader accepts only contiguous views (IsContiguous).
namespace IShowTts.Engine.Weights.Internal.Pickle;

internal sealed record TorchTensor(TorchStorage Storage, long Offset, long[] Shape, long[] Stride)
{
    /// <summary>Row-major with no gaps; strides of size-1 dimensions do not matter (torch leaves them arbitrary).</summary>
    public bool IsContiguous
    {
        get
        {
            if (Shape.Length != Stride.Length) return false;
            long expected = 1;
            for (int i = Shape.Length - 1; i >= 0; i--)
            {
                if (Shape[i] != 1 && Stride[i] != expected) return false;
                expected *= Shape[i];
            }
            return true;
        }
    }
}
