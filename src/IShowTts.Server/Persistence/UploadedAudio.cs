// Reference audio as it will be stored: the bytes (already content-checked) and the extension of the
// format they were recognised as.
namespace IShowTts.Server.Persistence;

internal sealed record UploadedAudio(byte[] Bytes, string Extension);
