// An ordered list of named parameter shapes packed into one storage: each name's element offset.
// Models build one to size a single weight upload and hand out views of it.
namespace IShowTts.Engine.Tensors;

public sealed class ParameterLayout
{
    private readonly Dictionary<string, (long Offset, int[] Shape)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public long TotalElements { get; private set; }

    public IReadOnlyList<string> Names => _order;

    public (long Offset, int[] Shape) this[string name] =>
        _entries.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"no parameter '{name}' in the layout");

    public void Add(string name, params int[] shape)
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        _entries.Add(name, (TotalElements, shape));
        _order.Add(name);
        // Keep every parameter 16-element aligned (32 bytes in fp16): vector loads on the GPU.
        TotalElements += (count + 15) / 16 * 16;
    }

    public static long CountOf(int[] shape)
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        return count;
    }
}
