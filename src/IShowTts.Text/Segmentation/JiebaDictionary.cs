// jieba's prefix dictionary (dict.txt: "word freq tag" per line), as Python jieba 0.42.1's gen_pfdict
// builds it: a word's frequency (the last line for a repeated word wins), every prefix of a word known
// as a prefix, and the total of all frequencies. Prefixes are answered from one sorted word array
// instead of a table of every prefix. Not the segmenter: WordSegmenter walks it.
using System.Runtime.CompilerServices;
using System.Text;

namespace IShowTts.Text.Segmentation;

internal sealed class JiebaDictionary
{
    private readonly string[] _words;   // sorted ordinally (every word is BMP, so this is code-point order)
    private readonly long[] _frequencies; // parallel to _words

    private JiebaDictionary(string[] words, long[] frequencies, long total)
    {
        _words = words;
        _frequencies = frequencies;
        Total = total;
        LogTotal = Math.Log(total);
    }

    /// <summary>Sum of the frequencies of every line (a repeated word counts each time, as in jieba).</summary>
    public long Total { get; }

    /// <summary>ln(Total), computed once as jieba's calc does per sentence.</summary>
    public double LogTotal { get; }

    public int WordCount => _words.Length;

    /// <summary>Parses dict.txt bytes; <paramref name="source"/> names the file in errors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once over 349k lines: skip the slow first JIT tier
    public static JiebaDictionary Parse(ReadOnlySpan<byte> data, string source)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var frequencies = new Dictionary<string, long>(400_000, StringComparer.Ordinal);
        long total = 0;
        var lineNumber = 0;
        while (!data.IsEmpty)
        {
            lineNumber++;
            var end = data.IndexOf((byte)'\n');
            var raw = end < 0 ? data : data[..(end + 1)];
            data = end < 0 ? [] : data[(end + 1)..];
            var line = decoder.GetString(TrimAsciiWhitespace(raw)); // line.strip().decode('utf-8')
            var parts = line.Split(' ');
            if (parts.Length < 2 || !long.TryParse(parts[1], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var freq))
                throw new InvalidDataException($"invalid dictionary entry in {source} at Line {lineNumber}: {line}");
            frequencies[parts[0]] = freq;
            total += freq;
        }
        var words = frequencies.Keys.ToArray();
        var values = frequencies.Values.ToArray();
        Array.Sort(words, values, StringComparer.Ordinal);
        return new JiebaDictionary(words, values, total);
    }

    /// <summary>jieba's FREQ lookup: whether <paramref name="fragment"/> is a prefix of some word (FREQ has the key), and its frequency (0 for a prefix that is not a word).</summary>
    public bool TryLookup(ReadOnlySpan<char> fragment, out long frequency)
    {
        var lo = 0;
        var hi = _words.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_words[mid].AsSpan().SequenceCompareTo(fragment) < 0) lo = mid + 1;
            else hi = mid;
        }
        frequency = 0;
        if (lo == _words.Length || !_words[lo].AsSpan().StartsWith(fragment))
            return false;
        if (_words[lo].Length == fragment.Length)
            frequency = _frequencies[lo];
        return true;
    }

    /// <summary>FREQ.get(word) or 0.</summary>
    public long FrequencyOf(ReadOnlySpan<char> word) => TryLookup(word, out var f) ? f : 0;

    private static ReadOnlySpan<byte> TrimAsciiWhitespace(ReadOnlySpan<byte> s)
    {
        // bytes.strip(): space, \t, \n, \r, \v, \f
        static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
        var start = 0;
        while (start < s.Length && IsSpace(s[start])) start++;
        var end = s.Length;
        while (end > start && IsSpace(s[end - 1])) end--;
        return s[start..end];
    }
}
