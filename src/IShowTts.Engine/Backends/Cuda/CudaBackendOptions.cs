// How to open the CUDA backend: which device, which weight/compute precision, where kernels are cached
// and where the CUDA libraries live when the default search does not find them.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

/// <param name="WeightType">F16 (default; activations F16), BF16 (activations BF16) or F32 (everything
/// float32: the GPU fp32 parity path).</param>
/// <param name="KernelCacheDirectory">null: ISHOWTTS_KERNEL_CACHE, else ~/.cache/ishowtts/kernels.</param>
/// <param name="LibraryDirectory">null: ISHOWTTS_CUDA_LIB_DIR, else the default search.</param>
public sealed record CudaBackendOptions(
    int DeviceOrdinal = 0,
    DType WeightType = DType.F16,
    string? KernelCacheDirectory = null,
    string? LibraryDirectory = null)
{
    public const string PrecisionVariable = "ISHOWTTS_CUDA_DTYPE";

    /// <summary>Defaults, with the precision taken from ISHOWTTS_CUDA_DTYPE (f16, bf16 or f32) when set.</summary>
    public static CudaBackendOptions FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(PrecisionVariable);
        if (string.IsNullOrWhiteSpace(text)) return new CudaBackendOptions();
        DType type = text.Trim().ToLowerInvariant() switch
        {
            "f16" or "fp16" or "half" => DType.F16,
            "bf16" or "bfloat16" => DType.BF16,
            "f32" or "fp32" or "float" => DType.F32,
            _ => throw new EngineException($"{PrecisionVariable}={text} is not a precision: use f16, bf16 or f32"),
        };
        return new CudaBackendOptions(WeightType: type);
    }
}
