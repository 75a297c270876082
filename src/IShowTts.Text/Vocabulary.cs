// The F5-TTS token vocabulary: vocab.txt, where line index = id and the token is the line without its
// last character (the official get_tokenizer takes line[:-1]). Unknown tokens map to id 0, the id of
// " ", exactly as list_str_to_idx does. Not a tokenizer: text → tokens is TextFrontend's job.
using System.Text;

namespace IShowTts.Text;

public sealed class Vocabulary
{
    /// <summary>Id given to a token the vocabulary does not contain (the official <c>vocab_char_map.get(c, 0)</c>).</summary>
    public const int UnknownId = 0;

    private const string EmbeddedName = "vocab.txt";
    private static readonly Lazy<Vocabulary> DefaultVocabulary = new(LoadEmbedded);

    private readonly Dictionary<string, int> _ids;

    private Vocabulary(Dictionary<string, int> ids, string source)
    {
        _ids = ids;
        Source = source;
    }

    /// <summary>The official F5-TTS vocab.txt (2545 tokens) shipped inside this assembly.</summary>
    public static Vocabulary Default => DefaultVocabulary.Value;

    /// <summary>Where this vocabulary was read from (a path, or the embedded resource name).</summary>
    public string Source { get; }

    /// <summary>Number of distinct tokens (the official <c>vocab_size = len(vocab_char_map)</c>).</summary>
    public int Count => _ids.Count;

    /// <summary>Reads a vocab.txt; throws <see cref="InvalidDataException"/> naming the file when it cannot be used.</summary>
    public static Vocabulary Load(string path)
    {
        string text;
        try
        {
            // GetString keeps a byte order mark (as Python's "utf-8" codec does), so Parse can reject it.
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"Vocabulary file '{path}' cannot be read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Builds a vocabulary from the text of a vocab.txt; <paramref name="source"/> names it in errors.</summary>
    public static Vocabulary Parse(string text, string source)
    {
        // Python's text mode reads with universal newlines: "\r\n" and "\r" end a line like "\n".
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (normalized.Length > 0 && normalized[0] == '\uFEFF')
            throw new InvalidDataException($"Vocabulary file '{source}' starts with a byte order mark; the official loader would read it as part of the first token.");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        var start = 0;
        while (start < normalized.Length)
        {
            var end = normalized.IndexOf('\n', start);
            var line = end < 0 ? normalized[start..] : normalized[start..(end + 1)];
            // line[:-1]: drops the newline, or the last character of an unterminated last line (as the official code does).
            var token = RemoveLastCodePoint(line);
            ids[token] = index; // a repeated token keeps its last id, like a Python dict
            index++;
            start = end < 0 ? normalized.Length : end + 1;
        }
        if (index == 0)
            throw new InvalidDataException($"Vocabulary file '{source}' is empty.");
        if (!ids.TryGetValue(" ", out var spaceId) || spaceId != UnknownId)
            throw new InvalidDataException($"Vocabulary file '{source}' does not have \" \" on its first line; F5-TTS needs id 0 to be the space (it is also the unknown id).");
        return new Vocabulary(ids, source);
    }

    /// <summary>Id of one token, or <see cref="UnknownId"/> when the vocabulary lacks it.</summary>
    public int IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : UnknownId;

    /// <summary>True when the vocabulary has this exact token.</summary>
    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>Ids of a token list (the official list_str_to_idx for one text); tokens it lacks become 0 and are listed once each, in order of first appearance, in <paramref name="unknownTokens"/> (for a warning).</summary>
    public int[] Encode(IReadOnlyList<string> tokens, out IReadOnlyList<string> unknownTokens)
    {
        var ids = new int[tokens.Count];
        List<string>? unknown = null;
        for (var i = 0; i < ids.Length; i++)
        {
            if (_ids.TryGetValue(tokens[i], out var id))
            {
                ids[i] = id;
                continue;
            }
            ids[i] = UnknownId;
            unknown ??= [];
            if (!unknown.Contains(tokens[i], StringComparer.Ordinal))
                unknown.Add(tokens[i]);
        }
        unknownTokens = unknown ?? (IReadOnlyList<string>)[];
        return ids;
    }

    private static string RemoveLastCodePoint(string line)
    {
        if (line.Length >= 2 && char.IsLowSurrogate(line[^1]) && char.IsHighSurrogate(line[^2]))
            return line[..^2];
        return line[..^1];
    }

    private static Vocabulary LoadEmbedded()
    {
        var assembly = typeof(Vocabulary).Assembly;
        using var stream = assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"Embedded resource '{EmbeddedName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        return Parse(reader.ReadToEnd(), $"embedded {EmbeddedName}");
    }
}
