// Opens a weight file by its content, not its extension: a zip (torch.save) is a PyTorchCheckpoint,
// anything else is parsed as safetensors. Refuses the legacy pre-1.6 PyTorch pickle format by name.
namespace IShowTts.Engine.Weights;

public static class WeightFiles
{
    // torch.save's legacy (non-zip) format starts with the pickled magic number 0x1950a86a20f9469cfc6c.
    private static ReadOnlySpan<byte> LegacyTorchMagic => [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

    public static IWeightFile Open(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
            throw new EngineException($"Weight file '{path}' does not exist.");
        Span<byte> head = stackalloc byte[LegacyTorchMagic.Length];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EngineException($"Cannot read weight file '{path}': {e.Message}", e);
        }
        head = head[..read];
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
            return PyTorchCheckpoint.Open(path);
        if (head.SequenceEqual(LegacyTorchMagic))
            throw new EngineException($"'{path}' is a legacy (pre-1.6, non-zip) PyTorch checkpoint, which is not supported; re-save it with a current torch.save or as safetensors.");
        return SafetensorsFile.Open(path);
    }
}
