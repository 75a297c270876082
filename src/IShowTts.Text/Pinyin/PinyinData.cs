// pypinyin 0.55.0's dictionaries (Resources/pypinyin_*.json.gz, byte-identical to the package's
// pinyin_dict.json and phrases_dict.json): a character's readings and a phrase's per-character
// readings, in TONE style ("zhōng"). Only the first reading is kept: F5 never asks for heteronyms.
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace IShowTts.Text.Pinyin;

internal sealed class PinyinData
{
    private const string CharacterResource = "pypinyin_pinyin_dict.json.gz";
    private const string PhraseResource = "pypinyin_phrases_dict.json.gz";
    private static readonly Lazy<PinyinData> DefaultData = new(() => new PinyinData(
        ParseCharacters(Internal.EmbeddedData.ReadAllBytes(CharacterResource), CharacterResource),
        ParsePhrases(Internal.EmbeddedData.ReadAllBytes(PhraseResource), PhraseResource)));

    private readonly Dictionary<int, string> _characters;
    private readonly Dictionary<string, string[]> _phrases;
    private readonly HashSet<string> _phrasePrefixes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once over 47k phrases
    private PinyinData(Dictionary<int, string> characters, Dictionary<string, string[]> phrases)
    {
        _characters = characters;
        _phrases = phrases;
        _phrasePrefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases.Keys)
            for (var i = 0; i < phrase.Length; i += Internal.CodePoints.LengthAt(phrase, i))
                _phrasePrefixes.Add(phrase[..(i + Internal.CodePoints.LengthAt(phrase, i))]);
    }

    public static PinyinData Default => DefaultData.Value;

    /// <summary>First reading of a character (PINYIN_DICT[cp].split(',')[0]), or null when pypinyin has none.</summary>
    public string? Character(int codePoint) => _characters.TryGetValue(codePoint, out var p) ? p : null;

    /// <summary>First reading of each character of a phrase in PHRASES_DICT, or null.</summary>
    public string[]? Phrase(string phrase) => _phrases.TryGetValue(phrase, out var p) ? p : null;

    public bool IsPhrase(string text) => _phrases.ContainsKey(text);

    /// <summary>Whether <paramref name="text"/> starts some phrase (mmseg's PrefixSet).</summary>
    public bool IsPhrasePrefix(string text) => _phrasePrefixes.Contains(text);

    private static Dictionary<int, string> ParseCharacters(byte[] json, string source)
    {
        var result = new Dictionary<int, string>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.EnumerateObject())
                result[int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)] = p.Value.GetString()!.Split(',')[0];
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidDataException($"{source} is not pypinyin's pinyin_dict.json: {e.Message}", e);
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, string[]> ParsePhrases(byte[] json, string source)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var readings = new List<string>();
                foreach (var character in p.Value.EnumerateArray())
                    readings.Add(character[0].GetString()!);
                result[p.Name] = [.. readings];
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{source} is not pypinyin's phrases_dict.json: {e.Message}", e);
        }
        return result;
    }
}
