// Official F5-TTS long-text splitting: infer_process's max_chars budget and chunk_text's greedy packing
// of sentences, measured in UTF-8 bytes. Sentences end after ASCII ;:,.!? followed by whitespace (the
// whitespace is dropped) or right after full-width ；：，。！？. Not a sentence tokenizer beyond that.
using IShowTts.Text.Internal;

namespace IShowTts.Text.LongText;

public static class Chunker
{
    /// <summary>Reference length the budget is measured against (infer_process's 22 s).</summary>
    public const double BudgetSeconds = 22;

    /// <summary>int(len(ref_text.encode("utf-8")) / ref_seconds * (22 - ref_seconds) * speed), float64 left to right; negative for references over 22 s.</summary>
    public static int MaxChars(string refTextCompleted, double refSeconds, double speed)
    {
        ArgumentNullException.ThrowIfNull(refTextCompleted);
        if (!(refSeconds > 0))
            throw new ArgumentOutOfRangeException(nameof(refSeconds), refSeconds, "The reference audio must be longer than 0 s.");
        double bytes = CodePoints.Utf8Length(refTextCompleted);
        return PythonInt(bytes / refSeconds * (BudgetSeconds - refSeconds) * speed);
    }

    /// <summary>MaxChars with the seconds the official code sees: samples / sample rate of the loaded reference file.</summary>
    public static int MaxChars(string refTextCompleted, long refSamples, int sampleRate, double speed)
    {
        if (sampleRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
        return MaxChars(refTextCompleted, (double)refSamples / sampleRate, speed);
    }

    /// <summary>chunk_text(text, max_chars): the chunks, stripped. Like the official code it may return "" for whitespace-only text.</summary>
    public static IReadOnlyList<string> Split(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = new List<string>();
        var current = "";
        var currentBytes = 0;
        foreach (var sentence in Sentences(text))
        {
            if (sentence.Length == 0) continue;
            var sentenceBytes = CodePoints.Utf8Length(sentence);
            var piece = LastCodePointIsOneByte(sentence) ? sentence + " " : sentence;
            if (currentBytes + sentenceBytes <= maxChars)
            {
                current += piece;
            }
            else
            {
                if (current.Length > 0) chunks.Add(PythonWhitespace.Strip(current));
                current = piece;
            }
            currentBytes = CodePoints.Utf8Length(current);
        }
        if (current.Length > 0) chunks.Add(PythonWhitespace.Strip(current));
        return chunks;
    }

    /// <summary>re.split(r"(?<=[;:,.!?])\s+|(?<=[；：，。！？])", text), with Python's \s.</summary>
    internal static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        var p = 1;
        while (p <= text.Length)
        {
            var before = text[p - 1];
            if (before is ';' or ':' or ',' or '.' or '!' or '?' && p < text.Length && PythonWhitespace.IsSpace(text[p]))
            {
                var q = p;
                while (q < text.Length && PythonWhitespace.IsSpace(text[q])) q++;
                sentences.Add(text[start..p]);
                start = q;
                p = q + 1; // a match can only start again after the whitespace
                continue;
            }
            if (before is '；' or '：' or '，' or '。' or '！' or '？')
            {
                sentences.Add(text[start..p]);
                start = p;
            }
            p++;
        }
        sentences.Add(text[start..]);
        return sentences;
    }

    private static bool LastCodePointIsOneByte(string s) => s[^1] < 0x80;

    /// <summary>Python's int() of a float: truncation toward zero.</summary>
    internal static int PythonInt(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "The length estimate is not a finite number.");
        return (int)Math.Clamp(Math.Truncate(value), int.MinValue, int.MaxValue);
    }
}
