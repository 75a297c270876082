// The dtype names of the safetensors format with their element sizes, and which of them the engine reads.
// Sizes of the unread ones still matter: the header validation checks every entry's byte size.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Weights.Internal;

internal static class SafetensorsDTypes
{
    private static readonly Dictionary<string, int> SizeByName = new(StringComparer.Ordinal)
    {
        ["BOOL"] = 1, ["U8"] = 1, ["I8"] = 1, ["F8_E4M3"] = 1, ["F8_E5M2"] = 1, ["F8_E8M0"] = 1,
        ["I16"] = 2, ["U16"] = 2, ["F16"] = 2, ["BF16"] = 2,
        ["I32"] = 4, ["U32"] = 4, ["F32"] = 4,
        ["I64"] = 8, ["U64"] = 8, ["F64"] = 8, ["C64"] = 8,
    };

    public static bool TryGetSize(string name, out int size) => SizeByName.TryGetValue(name, out size);

    /// <summary>The engine's dtype for a safetensors name, or null for a known name the engine does not read.</summary>
    public static DType? ToEngine(string name) => name switch
    {
        "F32" => DType.F32,
        "F16" => DType.F16,
        "BF16" => DType.BF16,
        _ => null,
    };

    public static string Name(DType dtype) => dtype switch
    {
        DType.F32 => "F32",
        DType.F16 => "F16",
        DType.BF16 => "BF16",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };
}
