// A model file could not be fetched from the hub: not found, refused, corrupt (checksum mismatch) or
// interrupted too often. The message names the repository, the file and the reason.
namespace IShowTts.Synthesis.Acquisition;

public class HubException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status the hub answered, when the failure is an HTTP error.</summary>
    public int? StatusCode { get; init; }
}
