// Every voice id declared by any engine, available or not, so that duplicates are caught across
// engines and default_voice / danmaku.tts.voice_id can be checked against what exists.
using System.Text.RegularExpressions;

namespace IShowTts.Configuration.Internal.Binding;

internal sealed partial class VoiceRegistry(Diagnostics diagnostics)
{
    private readonly Dictionary<string, (ConfigOrigin Origin, string? Unavailable)> _voices = new(StringComparer.Ordinal);

    public IEnumerable<string> Ids => _voices.Keys;

    /// <summary>Registers an id; false (with a problem recorded) when it is malformed or already taken.</summary>
    public bool Add(string id, ConfigOrigin origin, string keyPath)
    {
        if (id.Length == 0) return false;
        if (!IdPattern().IsMatch(id))
        {
            diagnostics.Error(origin, keyPath, $"voice id \"{id}\" must be 1–64 letters, digits, '_', '-' or '.', starting with a letter or digit");
            return false;
        }
        if (_voices.TryGetValue(id, out var first))
        {
            diagnostics.Error(origin, keyPath, $"duplicate voice id \"{id}\" (first defined at {first.Origin})");
            return false;
        }
        _voices[id] = (origin, null);
        return true;
    }

    public void MarkUnavailable(string id, string reason)
    {
        if (_voices.TryGetValue(id, out var v)) _voices[id] = (v.Origin, reason);
    }

    /// <summary>Checks a key that names a voice ("" means none).</summary>
    public void CheckReference(TableReader reader, string key, string id)
    {
        if (id.Length == 0) return;
        if (!_voices.TryGetValue(id, out var voice))
        {
            var known = _voices.Count == 0 ? "none are configured" : "known: " + string.Join(", ", _voices.Keys);
            reader.Error(key, $"no voice with id \"{id}\" ({known}){DidYouMean.Suffix(id, _voices.Keys)}");
        }
        else if (voice.Unavailable is { } reason)
        {
            reader.Warn(key, $"voice \"{id}\" is not available: {reason}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();
}
