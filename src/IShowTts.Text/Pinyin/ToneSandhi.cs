// pypinyin 0.55.0's ToneSandhiMixin.post_pinyin, applied to the readings of one pypinyin word: third-tone
// sandhi, then 不, then 一, each on TONE2 spellings and written back in TONE style when it changed
// anything. The rules are pypinyin's as they are (e.g. the 3-3 rule looks at the trailing run only).
namespace IShowTts.Text.Pinyin;

internal static class ToneSandhi
{
    /// <summary>Applies the three rules to <paramref name="readings"/> (TONE style, one per code point of <paramref name="word"/>).</summary>
    public static List<string> Apply(IReadOnlyList<string> word, List<string> readings)
    {
        readings = ThirdTone(readings);
        readings = Bu(word, readings);
        readings = Yi(word, readings);
        return readings;
    }

    private static List<string> ThirdTone(List<string> readings)
    {
        var tone2 = readings.Select(ToneNotation.ToneToTone2).ToList();
        if (!string.Concat(tone2).Contains('3'))
            return readings;
        var changed = false;
        var thirdCount = 0;
        foreach (var p in tone2)
            thirdCount = p.Contains('3') ? thirdCount + 1 : 0;
        if (thirdCount == 2)
        {
            for (var i = 0; i < tone2.Count; i++)
            {
                if (!tone2[i].Contains('3')) continue;
                tone2[i] = tone2[i].Replace('3', '2');
                changed = true;
                break;
            }
        }
        else if (thirdCount > 2)
        {
            var n = 1;
            for (var i = 0; i < tone2.Count; i++)
            {
                if (!tone2[i].Contains('3')) continue;
                if (n == thirdCount) break;
                tone2[i] = tone2[i].Replace('3', '2');
                changed = true;
                n++;
            }
        }
        return changed ? tone2.Select(ToneNotation.Tone2ToTone).ToList() : readings;
    }

    /// <summary>不 before a fourth tone becomes second tone; otherwise fourth.</summary>
    private static List<string> Bu(IReadOnlyList<string> word, List<string> readings) =>
        BeforeFourth(word, readings, "不", otherwise: '4', final: '4');

    /// <summary>一 before a fourth tone becomes second tone; before others fourth; at the end first.</summary>
    private static List<string> Yi(IReadOnlyList<string> word, List<string> readings) =>
        BeforeFourth(word, readings, "一", otherwise: '4', final: '1');

    private static List<string> BeforeFourth(IReadOnlyList<string> word, List<string> readings, string character, char otherwise, char final)
    {
        if (!word.Contains(character))
            return readings;
        var tone2 = readings.Select(ToneNotation.ToneToTone2).ToList();
        var changed = false;
        for (var i = 0; i < word.Count; i++)
        {
            if (word[i] != character) continue;
            var current = tone2[i];
            if (i < word.Count - 1)
                tone2[i] = tone2[i + 1].Contains('4') ? current.Replace('4', '2') : ToneNotation.ReplaceDigits(current, otherwise);
            else
                tone2[i] = ToneNotation.ReplaceDigits(current, final);
            changed = true;
        }
        return changed ? tone2.Select(ToneNotation.Tone2ToTone).ToList() : readings;
    }
}
