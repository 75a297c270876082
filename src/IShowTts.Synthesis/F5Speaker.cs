// "Say this text in the voice of this reference" with the F5 engine, as the official inference path
// does it: complete the reference text, split the text into chunks sized to the reference, convert each
// (reference text + chunk) to tokens and ids, estimate its duration, synthesise, restore the reference's
// loudness, cross-fade the chunks.
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Text;
using IShowTts.Text.LongText;
using IShowTts.Text.Normalization;

namespace IShowTts.Synthesis;

/// <param name="Wave">24 kHz mono.</param>
/// <param name="UnknownTokens">tokens missing from the vocabulary (mapped to id 0, as the official code does).</param>
/// <param name="Chunks">the text of each chunk as spoken (after normalisation).</param>
public sealed record SpeechResult(float[] Wave, int SampleRate, IReadOnlyList<string> UnknownTokens, IReadOnlyList<PhaseTimings> ChunkTimings,
    IReadOnlyList<string> Chunks);

/// <summary>Progress of one request: chunk index (0-based), chunk count, step within the chunk, steps per chunk.</summary>
public readonly record struct SpeakProgress(int Chunk, int Chunks, int Step, int Steps);

public sealed class F5Speaker(F5Tts engine, Vocabulary vocabulary)
{
    public F5Tts Engine => engine;

    public SpeechResult Speak(PreparedReference reference, string referenceText, string text, SpeakOptions options,
        IProgress<SpeakProgress>? progress = null, CancellationToken cancel = default)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new EngineException("the text is empty: nothing to say");
        if (string.IsNullOrWhiteSpace(referenceText)) throw new EngineException("the reference text is empty: give the transcript of the reference audio");
        if (options.Normalize)
        {
            text = TextNormalizer.Normalize(text, new NormalizationOptions { LanguageHint = LanguageHint(options.Language) });
            if (string.IsNullOrWhiteSpace(text)) throw new EngineException("nothing is left to say after normalisation (the text held only links, emoji or symbols)");
        }
        var plan = LongTextPlan.Create(referenceText, reference.PreprocessedSeconds, reference.Wave24k.Length, text,
            options.Speed, options.FixDurationSeconds);
        var waves = new List<float[]>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var timings = new List<PhaseTimings>();
        for (int i = 0; i < plan.Chunks.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var chunk = plan.Chunks[i];
            var tokens = TextFrontend.ToTokens(chunk.ModelText);
            var ids = new int[tokens.Count];
            for (int k = 0; k < tokens.Count; k++)
            {
                ids[k] = vocabulary.IdOf(tokens[k]);
                if (!vocabulary.Contains(tokens[k])) unknown.Add(tokens[k]);
            }
            int chunkIndex = i;
            var stepProgress = progress is null ? null : new InlineProgress<int>(s => progress.Report(new SpeakProgress(chunkIndex, plan.Chunks.Count, s, options.NfeStep)));
            var result = engine.Synthesize(new SynthesisRequest(reference.Wave24k, ids, chunk.DurationFrames, options.NfeStep,
                options.CfgStrength, options.SwaySamplingCoefficient, options.Seed), stepProgress, cancel);
            var wave = result.Wave;
            reference.RestoreLoudness(wave);
            waves.Add(wave);
            timings.Add(result.Timings);
        }
        return new SpeechResult(CrossFade.Join(waves, options.CrossFadeSeconds, F5Tts.SampleRate), F5Tts.SampleRate, [.. unknown], timings,
            plan.Chunks.Select(c => c.Text).ToArray());
    }


    private static string? LanguageHint(string? language) => language switch
    {
        null => null,
        _ when language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => "zh",
        _ when language.StartsWith("en", StringComparison.OrdinalIgnoreCase) => "en",
        _ => null,
    };
}
