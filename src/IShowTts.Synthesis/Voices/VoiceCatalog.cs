// The voices the product knows, validated when loaded: a voice whose reference is unreadable or whose
// definition is incomplete is reported by id with the reason, and the others still load.
using System.Collections.Concurrent;
using IShowTts.Audio;

namespace IShowTts.Synthesis.Voices;

public sealed record VoiceProblem(string VoiceId, string Reason);

public sealed class VoiceCatalog
{
    private readonly ConcurrentDictionary<string, Voice> _voices = new(StringComparer.Ordinal);

    public IReadOnlyList<Voice> All => _voices.Values.OrderBy(v => v.Id, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<VoiceProblem> Problems { get; private set; } = [];

    public bool TryGet(string id, out Voice voice) => _voices.TryGetValue(id, out voice!);

    /// <summary>Validates and adds every definition it can; returns (and keeps) the problems of the rest.</summary>
    public IReadOnlyList<VoiceProblem> Load(IEnumerable<Voice> definitions)
    {
        var problems = new List<VoiceProblem>();
        foreach (var v in definitions)
        {
            var reason = Validate(v);
            if (reason is not null) problems.Add(new VoiceProblem(v.Id, reason));
            else if (!_voices.TryAdd(v.Id, v)) problems.Add(new VoiceProblem(v.Id, "another voice has the same id"));
        }
        Problems = [.. Problems, .. problems];
        return problems;
    }

    public void AddOrReplace(Voice voice)
    {
        var reason = Validate(voice);
        if (reason is not null) throw new SpeechException(SpeechErrorKind.BadReference, $"voice '{voice.Id}': {reason}");
        _voices[voice.Id] = voice;
    }

    public bool Remove(string id) => _voices.TryRemove(id, out _);

    /// <summary>Ids are used in URLs and file names: letters, digits, '-', '_', '.', 1–64 chars, not starting with '.'.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string? Validate(Voice v)
    {
        if (!IsValidId(v.Id)) return $"'{v.Id}' is not a valid voice id (letters, digits, '-', '_', '.', up to 64)";
        switch (v.Engine)
        {
            case "f5":
                if (string.IsNullOrWhiteSpace(v.ReferenceAudio)) return "reference_audio is missing";
                if (string.IsNullOrWhiteSpace(v.ReferenceText)) return "reference_text is missing (the transcript of the reference audio)";
                if (!File.Exists(v.ReferenceAudio)) return $"reference audio {v.ReferenceAudio} does not exist";
                try
                {
                    AudioDecoder.Decode(v.ReferenceAudio);
                }
                catch (AudioFormatException e)
                {
                    return e.Message;
                }
                return null;
            case "espeak":
                return null;
            default:
                return $"unknown engine '{v.Engine}' (f5 or espeak)";
        }
    }
}
