// infer_process + infer_batch_process's text side in one call: complete the reference text, budget
// and split the generation text, and size each chunk. Holds no audio and runs no model; the engine
// takes ModelText through TextFrontend and clamps DurationFrames with Duration.SamplerFrames.
namespace IShowTts.Text.LongText;

public sealed record LongTextPlan(
    string RefTextCompleted,
    int MaxChars,
    string RefTextFinal,
    int RefAudioFrames,
    IReadOnlyList<ChunkPlan> Chunks)
{
    /// <param name="refText">The transcript as the user gave it (completed here).</param>
    /// <param name="refSeconds">Reference length as infer_process measures it: samples / rate of the preprocessed file.</param>
    /// <param name="refSamples24k">Reference samples after resampling to 24 kHz (for ref_audio_len).</param>
    /// <param name="genText">Text to speak.</param>
    /// <param name="speed">Speed factor (1 = official default).</param>
    /// <param name="fixDurationSeconds">Official fix_duration: total seconds per chunk, reference included; null to estimate.</param>
    public static LongTextPlan Create(string refText, double refSeconds, long refSamples24k, string genText, double speed = 1.0, double? fixDurationSeconds = null)
    {
        var completed = ReferenceText.Complete(refText);
        var maxChars = Chunker.MaxChars(completed, refSeconds, speed);
        var final = ReferenceText.Final(completed);
        var refFrames = Duration.ReferenceAudioFrames(refSamples24k);
        var chunks = new List<ChunkPlan>();
        foreach (var chunk in Chunker.Split(genText, maxChars))
        {
            var frames = fixDurationSeconds is { } fix ? Duration.FixedFrames(fix) : Duration.Frames(refFrames, final, chunk, speed);
            chunks.Add(new ChunkPlan(chunk, Duration.LocalSpeed(chunk, speed), frames, ReferenceText.ModelText(final, chunk)));
        }
        return new LongTextPlan(completed, maxChars, final, refFrames, chunks);
    }
}
