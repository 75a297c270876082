// pypinyin 0.55.0's lazy_pinyin(text, style=Style.TONE3, tone_sandhi=True), the call F5-TTS makes:
// text is split into Han / non-Han runs (RE_HANS), Han runs into phrases (PhraseSplitter), each phrase
// read from the phrase or character dictionary, tone sandhi applied per phrase, then written TONE3
// ("hao3"; the neutral tone has no digit). A non-Han run comes back as one item, unchanged.
namespace IShowTts.Text.Pinyin;

internal static class PinyinConverter
{
    public static List<string> LazyPinyinTone3Sandhi(string text) => LazyPinyinTone3Sandhi(text, PinyinData.Default);

    public static List<string> LazyPinyinTone3Sandhi(string text, PinyinData data)
    {
        var result = new List<string>();
        foreach (var (run, isHan) in SimpleSeg(text))
        {
            if (!isHan)
            {
                if (run.Count > 0) result.Add(string.Concat(run)); // errors='default' keeps the characters
                continue;
            }
            foreach (var word in PhraseSplitter.Cut(run, data))
                result.AddRange(WordPinyin(word, data));
        }
        return result;
    }

    /// <summary>DefaultConverter.convert for one RE_HANS word: _phrase_pinyin, post_pinyin (sandhi), convert_styles.</summary>
    private static IEnumerable<string> WordPinyin(List<string> word, PinyinData data)
    {
        var readings = data.Phrase(string.Concat(word)) is { } phrase
            ? [.. phrase]
            : word.Select(c => data.Character(Internal.CodePoints.ValueAt(c, 0)) ?? c).ToList();
        readings = ToneSandhi.Apply(word, readings);
        for (var i = 0; i < readings.Count; i++)
            yield return ToneNotation.ToTone3(readings[i]);
    }

    /// <summary>simpleseg._seg: maximal runs of RE_HANS / non-RE_HANS code points.</summary>
    private static List<(List<string> Run, bool IsHan)> SimpleSeg(string text)
    {
        var runs = new List<(List<string>, bool)>();
        foreach (var c in Internal.CodePoints.Split(text))
        {
            var han = PypinyinHan.Contains(Internal.CodePoints.ValueAt(c, 0));
            if (runs.Count > 0 && runs[^1].Item2 == han)
                runs[^1].Item1.Add(c);
            else
                runs.Add(([c], han));
        }
        return runs;
    }
}
