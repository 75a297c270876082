// Something in the configuration that was accepted but not used as written: an ignored section of the
// original iShowTTS, a voice left out because its reference audio is missing, a file that is absent.
namespace IShowTts.Configuration;

/// <param name="Key">the dotted key path the warning is about.</param>
public sealed record ConfigWarning(ConfigOrigin Origin, string Key, string Message)
{
    public override string ToString() => Key.Length > 0 ? $"{Origin}: {Key}: {Message}" : $"{Origin}: {Message}";
}
