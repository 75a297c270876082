// The one error a user sees for audio input that cannot be used: the message names the file (or the
// name given for a stream) and the reason, e.g. "voice.wav: truncated WAV (data chunk declares …)".
namespace IShowTts.Audio;

/// <summary>Audio that is empty, truncated, too short, in an unknown format or undecodable.</summary>
public sealed class AudioFormatException : Exception
{
    public AudioFormatException(string file, string reason, Exception? inner = null)
        : base($"{file}: {reason}", inner)
    {
        File = file;
        Reason = reason;
    }

    /// <summary>The file path or the name given for the stream.</summary>
    public string File { get; }

    /// <summary>Why the audio cannot be used, without the file name.</summary>
    public string Reason { get; }
}
