// pypinyin 0.55.0's mmseg.seg (forward maximum matching with no_non_phrases=True): splits a run of Han
// characters into the longest phrases of pypinyin's phrase dictionary, every other character alone.
// This, not jieba, decides which characters share tone sandhi.
namespace IShowTts.Text.Pinyin;

internal static class PhraseSplitter
{
    /// <summary>list(mmseg.seg.cut(text)), each word given as its code points.</summary>
    public static List<List<string>> Cut(List<string> text, PinyinData data)
    {
        var words = new List<List<string>>();
        var start = 0;
        while (start < text.Count)
        {
            var lastValid = 0;
            var brokeOut = false;
            for (var index = 0; start + index < text.Count; index++)
            {
                var word = string.Concat(text.GetRange(start, index + 1));
                if (data.IsPhrasePrefix(word))
                {
                    if (data.IsPhrase(word)) lastValid = index + 1;
                    continue;
                }
                var take = lastValid > 0 ? lastValid : 1;
                words.Add(text.GetRange(start, take));
                start += take;
                brokeOut = true;
                break;
            }
            if (brokeOut) continue;
            // The whole remainder is a phrase prefix.
            if (lastValid > 0)
            {
                words.Add(text.GetRange(start, lastValid));
                start += lastValid;
                continue;
            }
            var remain = text.GetRange(start, text.Count - start);
            if (data.IsPhrase(string.Concat(remain)))
                words.Add(remain);
            else
                foreach (var c in remain) words.Add([c]);
            break;
        }
        return words;
    }
}
