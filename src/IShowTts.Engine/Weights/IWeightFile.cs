// A weight file opened for reading: the tensors it declares and two ways to copy one out
// (converted to float32 for the CPU backend, or raw bytes for a GPU upload in the stored type).
// Implementations: SafetensorsFile (memory-mapped), PyTorchCheckpoint (torch.save zip). Not a model loader.
namespace IShowTts.Engine.Weights;

public interface IWeightFile : IDisposable
{
    string FilePath { get; }

    /// <summary>Every tensor the engine can read (F32, F16, BF16, contiguous), names as stored.</summary>
    IReadOnlyDictionary<string, WeightInfo> Tensors { get; }

    /// <summary>
    /// Entries the file holds that the engine cannot read — another dtype (an EMA checkpoint's int64
    /// <c>step</c>, bool <c>initted</c>) or a non-contiguous layout — with the reason. They are kept out of
    /// <see cref="Tensors"/> so a loader can ignore them; reading one throws an <see cref="EngineException"/>.
    /// </summary>
    IReadOnlyDictionary<string, string> Unreadable { get; }

    /// <summary>Copies the tensor converted to float32 (F16 and BF16 are widened exactly); destination length must equal its element count.</summary>
    void ReadFloat32(string name, Span<float> destination);

    /// <summary>Copies the tensor's bytes as stored, little-endian; destination length must equal its byte length.</summary>
    void CopyRaw(string name, Span<byte> destination);
}
