// The only Python globals a state-dict checkpoint may name: the tensor/parameter rebuild functions,
// collections.OrderedDict, and storage types (used as type markers in persistent ids, never called).
// Anything else ("posix.system", "builtins.eval", ...) is refused by the unpickler before it goes further.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Weights.Internal.Pickle;

internal static class TorchGlobals
{
    public const string RebuildTensorV2 = "torch._utils._rebuild_tensor_v2";
    public const string RebuildParameter = "torch._utils._rebuild_parameter";
    public const string OrderedDict = "collections.OrderedDict";

    // Storage type → (engine dtype or null when unread, element size, torch dtype name for messages).
    // The unread ones appear in real checkpoints: EMA buffers 'step' (int64) and 'initted' (bool).
    private static readonly Dictionary<string, (DType? DType, int Size, string TorchName)> Storages = new(StringComparer.Ordinal)
    {
        ["FloatStorage"] = (DType.F32, 4, "float32"),
        ["HalfStorage"] = (DType.F16, 2, "float16"),
        ["BFloat16Storage"] = (DType.BF16, 2, "bfloat16"),
        ["DoubleStorage"] = (null, 8, "float64"),
        ["LongStorage"] = (null, 8, "int64"),
        ["IntStorage"] = (null, 4, "int32"),
        ["ShortStorage"] = (null, 2, "int16"),
        ["CharStorage"] = (null, 1, "int8"),
        ["ByteStorage"] = (null, 1, "uint8"),
        ["BoolStorage"] = (null, 1, "bool"),
        ["UntypedStorage"] = (null, 1, "untyped bytes"),
    };

    public static bool IsAllowed(string module, string name) =>
        $"{module}.{name}" is RebuildTensorV2 or RebuildParameter or OrderedDict || IsStorageType(module, name);

    public static bool IsStorageType(string module, string name) =>
        (module == "torch" || (module == "torch.storage" && name == "UntypedStorage")) && Storages.ContainsKey(name);

    public static (DType? DType, int Size, string TorchName) Storage(string name) => Storages[name];
}
