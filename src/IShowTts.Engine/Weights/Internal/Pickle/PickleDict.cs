// A Python dict (or OrderedDict) as the restricted unpickler builds it: insertion-ordered, later SETITEMs
// replace earlier ones like Python's. Keys compare by value for str/int/float/bool, by reference otherwise.
namespace IShowTts.Engine.Weights.Internal.Pickle;

internal sealed class PickleDict
{
    private static readonly object NoneKey = new();
    private readonly List<KeyValuePair<object?, object?>> _items = [];
    private readonly Dictionary<object, int> _index = [];

    public IReadOnlyList<KeyValuePair<object?, object?>> Items => _items;

    public void Set(object? key, object? value)
    {
        var lookup = key ?? NoneKey;
        if (_index.TryGetValue(lookup, out var at))
            _items[at] = new(key, value);
        else
        {
            _index.Add(lookup, _items.Count);
            _items.Add(new(key, value));
        }
    }

    public bool TryGet(string key, out object? value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _items[at].Value;
            return true;
        }
        value = null;
        return false;
    }
}
