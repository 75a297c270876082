// jieba 0.42.1's finalseg.cut: finds words in a run the prefix dictionary could not split, with a
// Viterbi search over the B/M/E/S HMM for Han runs (U+4E00–U+9FD5) and a regex split of the rest.
// Ties break as Python's max over (probability, state) tuples does: the larger state letter wins.
using System.Text.RegularExpressions;

namespace IShowTts.Text.Segmentation;

internal sealed partial class HmmWordFinder(HmmModel model)
{
    // finalseg.PrevStatus: the states that may precede each state.
    private static readonly int[][] PreviousStates =
    [
        [HmmModel.IndexOf('E'), HmmModel.IndexOf('S')], // B
        [HmmModel.IndexOf('M'), HmmModel.IndexOf('B')], // M
        [HmmModel.IndexOf('B'), HmmModel.IndexOf('M')], // E
        [HmmModel.IndexOf('S'), HmmModel.IndexOf('E')], // S
    ];

    /// <summary>finalseg.re_skip: "([a-zA-Z0-9]+(?:\.\d+)?%?)". Its input holds ASCII digits only, so \d is [0-9].</summary>
    [GeneratedRegex(@"([a-zA-Z0-9]+(?:\.[0-9]+)?%?)", RegexOptions.CultureInvariant)]
    private static partial Regex SkipPattern();

    /// <summary>finalseg.cut(sentence): appends the words found to <paramref name="words"/>.</summary>
    public void Cut(string sentence, List<string> words)
    {
        var i = 0;
        while (i < sentence.Length)
        {
            var j = i;
            var han = IsHmmHan(sentence[i]);
            while (j < sentence.Length && IsHmmHan(sentence[j]) == han) j++;
            var block = sentence[i..j];
            if (han)
                CutHan(block, words);
            else
                foreach (var piece in SkipPattern().Split(block))
                    if (piece.Length > 0) words.Add(piece);
            i = j;
        }
    }

    /// <summary>finalseg.re_han: [\u4E00-\u9FD5].</summary>
    private static bool IsHmmHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    private void CutHan(string sentence, List<string> words)
    {
        var states = Viterbi(sentence);
        int begin = 0, next = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            switch (HmmModel.States[states[i]])
            {
                case 'B':
                    begin = i;
                    break;
                case 'E':
                    words.Add(sentence[begin..(i + 1)]);
                    next = i + 1;
                    break;
                case 'S':
                    words.Add(sentence[i].ToString());
                    next = i + 1;
                    break;
            }
        }
        if (next < sentence.Length)
            words.Add(sentence[next..]);
    }

    private int[] Viterbi(string obs)
    {
        var n = obs.Length;
        var v = new double[n, 4];
        var back = new int[n, 4];
        for (var y = 0; y < 4; y++)
            v[0, y] = model.Start(y) + model.Emission(y, obs[0]);
        for (var t = 1; t < n; t++)
        {
            for (var y = 0; y < 4; y++)
            {
                var em = model.Emission(y, obs[t]);
                var best = double.NaN;
                var bestState = -1;
                foreach (var y0 in PreviousStates[y])
                {
                    var p = v[t - 1, y0] + model.Transition(y0, y) + em;
                    if (bestState < 0 || p > best || (p == best && HmmModel.States[y0] > HmmModel.States[bestState]))
                    {
                        best = p;
                        bestState = y0;
                    }
                }
                v[t, y] = best;
                back[t, y] = bestState;
            }
        }
        int e = HmmModel.IndexOf('E'), s = HmmModel.IndexOf('S');
        // max((V[-1][y], y) for y in "ES"): on a tie 'S' > 'E'.
        var last = v[n - 1, s] >= v[n - 1, e] ? s : e;
        var path = new int[n];
        path[n - 1] = last;
        for (var t = n - 1; t > 0; t--)
            path[t - 1] = back[t, path[t]];
        return path;
    }
}
