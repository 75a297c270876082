// The reference transcript as official F5-TTS prepares it: preprocess_ref_audio_text completes it
// with sentence-final punctuation, and infer_batch_process adds a space when it ends in a one-byte
// character. Not a transcriber and not a normaliser.

namespace IShowTts.Text.LongText;

public static class ReferenceText
{
    /// <summary>preprocess_ref_audio_text's completion: unchanged if it ends with ". " or "。"; else " " when it ends with "."; else ". ".</summary>
    public static string Complete(string refText)
    {
        ArgumentNullException.ThrowIfNull(refText);
        if (refText.EndsWith(". ", StringComparison.Ordinal) || refText.EndsWith('。'))
            return refText;
        return refText.EndsWith('.') ? refText + " " : refText + ". ";
    }

    /// <summary>infer_batch_process's ref_text: <paramref name="completed"/> plus " " when its last character is one UTF-8 byte (so English ends in two spaces).</summary>
    public static string Final(string completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (completed.Length == 0)
            throw new ArgumentException("The reference text is empty; complete it with ReferenceText.Complete first.", nameof(completed));
        var last = completed[^1];
        return last < 0x80 ? completed + " " : completed;
    }

    /// <summary>The text _infer_basic converts for one chunk: ref_text (final) + chunk.</summary>
    public static string ModelText(string final, string chunk) => final + chunk;

    /// <summary>Both steps: Final(Complete(refText)).</summary>
    public static string Prepare(string refText) => Final(Complete(refText));
}
