// "Say this text in the voice of this reference" with the F5 engine, as the official inference path
// does it: normalise (ours, optional), complete the reference text, split the text into chunks sized
// to the reference (the first one short when streaming), convert each (reference text + chunk) to ids,
// estimate its duration, synthesise, restore the reference's loudness, cross-fade the chunks.
using System.Text;
using IShowTts.Audio;
using IShowTts.Engine;
using IShowTts.Synthesis.Voices;
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

/// <summary>The chunks of one request and the reference text they are spoken after.</summary>
public sealed record SpeechPlan(string RefTextFinal, int RefAudioFrames, IReadOnlyList<ChunkPlan> Chunks);

public sealed class F5Speaker(F5Tts engine, Vocabulary vocabulary)
{
    /// <summary>Streaming keeps the first chunk to about this many UTF-8 bytes, so audio starts early.</summary>
    public const int FirstChunkBytes = 60;

    public F5Tts Engine => engine;

    public SpeechResult Speak(PreparedReference reference, string referenceText, string text, SpeakOptions options,
        IProgress<SpeakProgress>? progress = null, CancellationToken cancel = default) =>
        Speak(PreparedVoice.From(reference, null, ""), referenceText, text, options, progress, cancel);

    public SpeechResult Speak(PreparedVoice voice, string referenceText, string text, SpeakOptions options,
        IProgress<SpeakProgress>? progress = null, CancellationToken cancel = default)
    {
        var plan = Plan(voice, referenceText, text, options, shortFirstChunk: false);
        var waves = new List<float[]>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var timings = new List<PhaseTimings>();
        for (int i = 0; i < plan.Chunks.Count; i++)
        {
            var (wave, timing) = SpeakChunk(voice, plan, i, options, unknown, progress, cancel);
            waves.Add(wave);
            timings.Add(timing);
        }
        return new SpeechResult(CrossFade.Join(waves, options.CrossFadeSeconds, F5Tts.SampleRate), F5Tts.SampleRate, [.. unknown], timings,
            plan.Chunks.Select(c => c.Text).ToArray());
    }

    /// <summary>Normalises the text and splits it the official way; with shortFirstChunk the first chunk is cut at an early clause.</summary>
    public SpeechPlan Plan(PreparedVoice voice, string referenceText, string text, SpeakOptions options, bool shortFirstChunk)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new SpeechException(SpeechErrorKind.EmptyText, "the text is empty: nothing to say");
        if (string.IsNullOrWhiteSpace(referenceText))
            throw new SpeechException(SpeechErrorKind.BadReference, "the reference text is empty: give the transcript of the reference audio");
        if (options.Normalize)
        {
            text = TextNormalizer.Normalize(text, new NormalizationOptions { LanguageHint = LanguageHint(options.Language) });
            if (string.IsNullOrWhiteSpace(text))
                throw new SpeechException(SpeechErrorKind.EmptyText, "nothing is left to say after normalisation (the text held only links, emoji or symbols)");
        }
        var completed = ReferenceText.Complete(referenceText);
        var final = ReferenceText.Final(completed);
        int maxChars = Chunker.MaxChars(completed, voice.PreprocessedSeconds, options.Speed);
        int refFrames = Duration.ReferenceAudioFrames(voice.Wave24k.Length);
        var pieces = new List<string>();
        if (shortFirstChunk && Encoding.UTF8.GetByteCount(text) > FirstChunkBytes)
        {
            var first = Chunker.Split(text, Math.Min(maxChars, FirstChunkBytes)).FirstOrDefault(c => c.Length > 0);
            int at = first is null ? -1 : text.IndexOf(first, StringComparison.Ordinal);
            if (first is not null && at >= 0)
            {
                pieces.Add(first);
                text = text[(at + first.Length)..];
            }
        }
        if (!string.IsNullOrWhiteSpace(text)) pieces.AddRange(Chunker.Split(text, maxChars).Where(c => c.Length > 0));
        var chunks = pieces.Select(c => new ChunkPlan(c, Duration.LocalSpeed(c, options.Speed),
            options.FixDurationSeconds is { } fix ? Duration.FixedFrames(fix) : Duration.Frames(refFrames, final, c, options.Speed),
            ReferenceText.ModelText(final, c))).ToArray();
        return new SpeechPlan(final, refFrames, chunks);
    }

    /// <summary>Synthesises chunk <paramref name="index"/> of a plan; the wave has the reference's loudness.</summary>
    public (float[] Wave, PhaseTimings Timings) SpeakChunk(PreparedVoice voice, SpeechPlan plan, int index, SpeakOptions options,
        ISet<string>? unknownTokens = null, IProgress<SpeakProgress>? progress = null, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        var chunk = plan.Chunks[index];
        var tokens = TextFrontend.ToTokens(chunk.ModelText);
        var ids = vocabulary.Encode(tokens, out var unknown);
        foreach (var u in unknown) unknownTokens?.Add(u);
        var stepProgress = progress is null ? null
            : new InlineProgress<int>(s => progress.Report(new SpeakProgress(index, plan.Chunks.Count, s, options.NfeStep)));
        var result = engine.Synthesize(new SynthesisRequest(voice.Wave24k, ids, chunk.DurationFrames, options.NfeStep,
            options.CfgStrength, options.SwaySamplingCoefficient, options.Seed, ReferenceMel: voice.Mel), stepProgress, cancel);
        voice.RestoreLoudness(result.Wave);
        return (result.Wave, result.Timings);
    }

    private static string? LanguageHint(string? language) => language switch
    {
        null => null,
        _ when language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => "zh",
        _ when language.StartsWith("en", StringComparison.OrdinalIgnoreCase) => "en",
        _ => null,
    };
}
