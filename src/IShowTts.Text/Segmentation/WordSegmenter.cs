// Chinese word segmentation identical to Python jieba 0.42.1's jieba.cut(text) (accurate mode, HMM on)
// with its default dict.txt: text is split into blocks of [\u4E00-\u9FD5a-zA-Z0-9+#&._%-]; those are
// cut by the max-probability route through the prefix-dictionary DAG, with unknown runs handed to the
// HMM; every other character is a segment of its own ("\r\n" stays one). Not pypinyin's phrase split.
namespace IShowTts.Text.Segmentation;

public sealed class WordSegmenter
{
    private const string DictionaryResource = "jieba_dict.txt.gz";
    private const string HmmResource = "jieba_hmm.json.gz";
    private static readonly Lazy<WordSegmenter> DefaultSegmenter = new(() => new WordSegmenter(
        JiebaDictionary.Parse(Internal.EmbeddedData.ReadAllBytes(DictionaryResource), DictionaryResource),
        HmmModel.Parse(Internal.EmbeddedData.ReadAllBytes(HmmResource), HmmResource)));

    private readonly JiebaDictionary _dictionary;
    private readonly HmmWordFinder _hmm;

    private WordSegmenter(JiebaDictionary dictionary, HmmModel hmm)
    {
        _dictionary = dictionary;
        _hmm = new HmmWordFinder(hmm);
    }

    /// <summary>jieba 0.42.1 with its own dict.txt and HMM tables (embedded); built on first use (about half a second).</summary>
    public static WordSegmenter Default => DefaultSegmenter.Value;

    /// <summary>list(jieba.cut(text)): the segments, which concatenate back to <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Cut(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            var inBlock = IsBlockChar(text[i]);
            while (j < text.Length && IsBlockChar(text[j]) == inBlock) j++;
            if (inBlock)
                CutBlock(text[i..j], words);
            else
                CutOther(text.AsSpan(i, j - i), words);
            i = j;
        }
        return words;
    }

    /// <summary>re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-].</summary>
    private static bool IsBlockChar(char c) =>
        c is >= '\u4E00' and <= '\u9FD5' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '+' or '#' or '&' or '.' or '_' or '%' or '-';

    /// <summary>A block outside re_han_default: "\r\n" is one segment, every other code point one each.</summary>
    private static void CutOther(ReadOnlySpan<char> block, List<string> words)
    {
        var i = 0;
        while (i < block.Length)
        {
            var n = block[i] == '\r' && i + 1 < block.Length && block[i + 1] == '\n' ? 2
                : char.IsHighSurrogate(block[i]) && i + 1 < block.Length && char.IsLowSurrogate(block[i + 1]) ? 2
                : 1;
            words.Add(block.Slice(i, n).ToString());
            i += n;
        }
    }

    /// <summary>jieba's __cut_DAG: best route through the DAG; runs of single characters go to the HMM unless they form a dictionary word.</summary>
    private void CutBlock(string sentence, List<string> words)
    {
        var route = BestRoute(sentence);
        var bufferStart = -1;
        var x = 0;
        while (x < sentence.Length)
        {
            var y = route[x] + 1;
            if (y - x == 1)
            {
                if (bufferStart < 0) bufferStart = x;
            }
            else
            {
                if (bufferStart >= 0)
                {
                    FlushSingles(sentence[bufferStart..x], words);
                    bufferStart = -1;
                }
                words.Add(sentence[x..y]);
            }
            x = y;
        }
        if (bufferStart >= 0)
            FlushSingles(sentence[bufferStart..], words);
    }

    private void FlushSingles(string buffer, List<string> words)
    {
        if (buffer.Length == 1)
            words.Add(buffer);
        else if (_dictionary.FrequencyOf(buffer) == 0)
            _hmm.Cut(buffer, words);
        else
            foreach (var c in buffer) words.Add(c.ToString());
    }

    /// <summary>get_DAG + calc: for each start index, the end index (inclusive) of the word on the most probable route.</summary>
    private int[] BestRoute(string sentence)
    {
        var n = sentence.Length;
        var routeProbability = new double[n + 1];
        var routeEnd = new int[n + 1];
        var ends = new List<int>();
        for (var idx = n - 1; idx >= 0; idx--)
        {
            ends.Clear();
            for (var i = idx; i < n; i++)
            {
                if (!_dictionary.TryLookup(sentence.AsSpan(idx, i - idx + 1), out var freq))
                    break;
                if (freq != 0) ends.Add(i);
            }
            if (ends.Count == 0) ends.Add(idx);
            // max over (log(FREQ.get(w) or 1) - logtotal + route[x+1][0], x); ties go to the larger x.
            var best = double.NegativeInfinity;
            var bestEnd = -1;
            foreach (var end in ends)
            {
                var freq = _dictionary.FrequencyOf(sentence.AsSpan(idx, end - idx + 1));
                var p = Math.Log(freq != 0 ? freq : 1) - _dictionary.LogTotal + routeProbability[end + 1];
                if (bestEnd < 0 || p >= best)
                {
                    best = p;
                    bestEnd = end;
                }
            }
            routeProbability[idx] = best;
            routeEnd[idx] = bestEnd;
        }
        return routeEnd;
    }
}
