// Lays out a safetensors file byte by byte from a literal JSON header, so tests can build the corrupt
// files a writer would never produce.
using System.Buffers.Binary;
using System.Text;

namespace IShowTts.Engine.Tests.Weights.Support;

internal static class RawSafetensors
{
    /// <summary>u64 LE length of <paramref name="headerJson"/> (or <paramref name="declaredLength"/>), the JSON, then <paramref name="data"/>.</summary>
    public static void Write(string path, string headerJson, byte[] data, ulong? declaredLength = null)
    {
        var json = Encoding.UTF8.GetBytes(headerJson);
        var prefix = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, declaredLength ?? (ulong)json.Length);
        File.WriteAllBytes(path, [.. prefix, .. json, .. data]);
    }
}
