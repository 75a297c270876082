// Picks the state dict out of an unpickled torch.save object: the top-level dict itself, or the dict it
// holds under ema_model_state_dict (preferred: official F5 .pt checkpoints keep their weights there),
// model_state_dict or state_dict. Only string-keyed tensors are kept; ints, floats and nested dicts are not weights.
using IShowTts.Engine.Weights.Internal.Pickle;

namespace IShowTts.Engine.Weights.Internal;

internal static class TorchStateDict
{
    private static readonly string[] NestedKeys = ["ema_model_state_dict", "model_state_dict", "state_dict"];

    public static IReadOnlyList<(string Name, TorchTensor Tensor)> Select(object? root, string path)
    {
        if (root is not PickleDict top)
            throw new EngineException($"'{path}' is not a state-dict checkpoint: its top-level object is {Describe(root)}, not a dict of tensors.");
        var chosen = top;
        foreach (var key in NestedKeys)
        {
            if (top.TryGet(key, out var nested) && nested is PickleDict inner)
            {
                chosen = inner;
                break;
            }
        }
        var tensors = chosen.Items
            .Where(item => item.Key is string && item.Value is TorchTensor)
            .Select(item => ((string)item.Key!, (TorchTensor)item.Value!))
            .ToList();
        if (tensors.Count == 0)
        {
            var keys = string.Join(", ", top.Items.Select(i => i.Key?.ToString()).Take(20));
            throw new EngineException($"'{path}' holds no tensors (top-level keys: {keys}).");
        }
        return tensors;
    }

    private static string Describe(object? value) => value switch
    {
        null => "None",
        object?[] => "a tuple",
        List<object?> => "a list",
        TorchTensor => "a single tensor",
        _ => value.GetType().Name,
    };
}
