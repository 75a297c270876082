namespace IShowTts.Engine.Tensors;

public static class BackendExtensions
{
    /// <summary>A tensor over a new storage of the backend's compute type; the caller owns <c>tensor.Storage</c>.</summary>
    public static Tensor Allocate(this IBackend backend, params int[] shape) =>
        backend.Allocate(backend.ComputeType, shape);

    public static Tensor Allocate(this IBackend backend, DType dtype, params int[] shape)
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        return new Tensor(backend.AllocateStorage(dtype, Math.Max(1, count)), 0, shape);
    }

    /// <summary>Uploads host data into a new tensor of the given type.</summary>
    public static Tensor FromHost(this IBackend backend, DType dtype, ReadOnlySpan<float> data, params int[] shape)
    {
        var t = backend.Allocate(dtype, shape);
        backend.Upload(t, data);
        return t;
    }

    /// <summary>Downloads a whole tensor into a new float array.</summary>
    public static float[] ToArray(this IBackend backend, Tensor t)
    {
        var data = new float[t.Count];
        backend.Download(t, data);
        return data;
    }
}
