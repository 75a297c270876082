// Writes a torch.save-shaped zip: <prefix>/data.pkl, <prefix>/byteorder, <prefix>/data/<key> blobs and
// <prefix>/version, with the blobs stored or deflated as the test asks.
using System.IO.Compression;
using System.Text;

namespace IShowTts.Engine.Tests.Weights.Support;

internal static class TorchZip
{
    public static void Write(string path, byte[] pickle, IReadOnlyDictionary<string, byte[]> storages,
        CompressionLevel blobCompression = CompressionLevel.NoCompression, string prefix = "archive", string byteOrder = "little")
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        void Add(string name, byte[] content, CompressionLevel level)
        {
            using var stream = zip.CreateEntry($"{prefix}/{name}", level).Open();
            stream.Write(content);
        }
        Add("data.pkl", pickle, CompressionLevel.NoCompression);
        Add("byteorder", Encoding.ASCII.GetBytes(byteOrder), CompressionLevel.NoCompression);
        foreach (var (key, blob) in storages)
            Add($"data/{key}", blob, blobCompression);
        Add("version", Encoding.ASCII.GetBytes("3\n"), CompressionLevel.NoCompression);
    }
}
