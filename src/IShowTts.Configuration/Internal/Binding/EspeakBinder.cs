// [espeak] and [[espeak.voices]]: the system voices that need no model weights.
using System.Text.RegularExpressions;

namespace IShowTts.Configuration.Internal.Binding;

internal static partial class EspeakBinder
{
    public static EspeakSection Bind(TableReader r, VoiceRegistry registry)
    {
        var defaultVoice = EspeakVoiceName(r, "voice", "en-us");
        var defaultRate = r.Int("rate", 175, 80, 450);
        var voices = new List<EspeakVoiceSection>();
        foreach (var v in r.Tables("voices"))
        {
            var id = v.RequiredString("id").Trim();
            bool registered = registry.Add(id, v.OriginOf("id"), v.KeyPath("id"));
            var voice = new EspeakVoiceSection(id, EspeakVoiceName(v, "voice", defaultVoice), v.Int("rate", defaultRate, 80, 450),
                v.Choice("language", "en-US", Languages.Supported, Languages.Aliases), v.String("engine_label", "eSpeak"));
            v.Finish();
            if (registered) voices.Add(voice);
        }
        r.Finish();
        return new EspeakSection { Voice = defaultVoice, Rate = defaultRate, Voices = voices };
    }

    private static string EspeakVoiceName(TableReader r, string key, string fallback)
    {
        var name = r.String(key, fallback).Trim();
        if (NamePattern().IsMatch(name)) return name;
        r.Error(key, $"\"{name}\" is not an espeak-ng voice name (such as en-us, en-gb, cmn, de)");
        return fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_+/-]{0,63}$")]
    private static partial Regex NamePattern();
}
