// Reads the data files embedded in this assembly (Resources/, see its README.md for where each came
// from). Gzipped resources are inflated on the fly. Not a cache: callers keep what they parse.
using System.IO.Compression;
using System.Text;

namespace IShowTts.Text.Internal;

internal static class EmbeddedData
{
    /// <summary>The resource as a readable stream, inflated when its name ends in ".gz".</summary>
    public static Stream Open(string logicalName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource '{logicalName}' is missing from {assembly.GetName().Name}; the build that produced it is broken.");
        return logicalName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>The whole resource as bytes (inflated).</summary>
    public static byte[] ReadAllBytes(string logicalName)
    {
        using var stream = Open(logicalName);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The whole resource as strict UTF-8 text (inflated).</summary>
    public static string ReadAllText(string logicalName) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(ReadAllBytes(logicalName));
}
