// Golden parity of long-text handling: for every "chunking" case, reference-text completion, the
// max_chars budget, the chunks, per-chunk speed and frames, the model texts and ids, and the sampler's
// clamped duration equal the official Python output field by field.
using IShowTts.Text.LongText;
using IShowTts.Text.Tests.Internal;

namespace IShowTts.Text.Tests;

[Trait("Category", "Parity")]
public sealed class ChunkingParityTests
{
    public static TheoryData<string> Cases => TextGoldenSets.Cases(TextGoldenSets.Chunking);

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryChunkingFieldMatchesTheGolden(string caseName)
    {
        var (c, root) = TextGoldenSets.Load(caseName);
        AssertConstants(root);
        var refText = c.GetProperty("ref_text").GetString()!;
        var refSeconds = c.GetProperty("ref_seconds").GetDouble();
        var refSamples = c.GetProperty("ref_samples").GetInt64();
        var genText = c.GetProperty("gen_text").GetString()!;
        var speed = c.GetProperty("speed").GetDouble();
        var input = $"ref_text={JsonValues.Show(refText)} ref_seconds={refSeconds} ref_samples={refSamples} speed={speed} gen_text={JsonValues.Show(genText)}";

        // Step by step, each against its own field.
        var completed = ReferenceText.Complete(refText);
        Same("ref_text_completed", c.GetProperty("ref_text_completed").GetString()!, completed);
        var maxChars = Chunker.MaxChars(completed, refSamples, Duration.SampleRate, speed);
        Same("max_chars", c.GetProperty("max_chars").GetInt32(), maxChars);
        var chunks = Chunker.Split(genText, maxChars);
        List("chunks", JsonValues.Strings(c.GetProperty("chunks")), chunks);
        var final = ReferenceText.Final(completed);
        Same("ref_text_final", c.GetProperty("ref_text_final").GetString()!, final);
        var refFrames = Duration.ReferenceAudioFrames(refSamples);
        Same("ref_audio_len", c.GetProperty("ref_audio_len").GetInt32(), refFrames);
        var melFrames = Duration.ReferenceMelFrames(refSamples);
        Same("ref_mel_frames", c.GetProperty("ref_mel_frames").GetInt32(), melFrames);

        List("local_speeds", JsonValues.Doubles(c.GetProperty("local_speeds")), [.. chunks.Select(k => Duration.LocalSpeed(k, speed))]);
        var durations = chunks.Select(k => Duration.Frames(refFrames, final, k, speed)).ToList();
        List("durations_frames", JsonValues.Ints(c.GetProperty("durations_frames")), durations);
        var modelTexts = chunks.Select(k => ReferenceText.ModelText(final, k)).ToList();
        List("model_texts", JsonValues.Strings(c.GetProperty("model_texts")), modelTexts);

        var expectedIds = c.GetProperty("model_ids").EnumerateArray().Select(JsonValues.Ints).ToList();
        Same("model_ids count", expectedIds.Count, modelTexts.Count);
        var sampleFrames = new List<int>();
        for (var k = 0; k < modelTexts.Count; k++)
        {
            var ids = TextFrontend.ToIds(modelTexts[k], Vocabulary.Default, out _);
            List($"model_ids[{k}]", expectedIds[k], ids);
            sampleFrames.Add(Duration.SamplerFrames(ids.Length, melFrames, durations[k]));
        }
        List("sample_durations_frames", JsonValues.Ints(c.GetProperty("sample_durations_frames")), sampleFrames);

        // The one-call plan agrees with the steps (MaxChars from seconds, as infer_process measures them).
        var plan = LongTextPlan.Create(refText, (double)refSamples / Duration.SampleRate, refSamples, genText, speed);
        Same("plan max_chars", maxChars, plan.MaxChars);
        List("plan chunks", chunks, [.. plan.Chunks.Select(p => p.Text)]);
        List("plan durations_frames", durations, [.. plan.Chunks.Select(p => p.DurationFrames)]);
        List("plan model_texts", modelTexts, [.. plan.Chunks.Select(p => p.ModelText)]);
        Same("plan ref_text_final", final, plan.RefTextFinal);

        void Same<T>(string field, T expected, T actual) => List(field, [expected], [actual]);

        void List<T>(string field, IReadOnlyList<T> expected, IReadOnlyList<T> actual)
        {
            var report = Mismatch.Describe(caseName, field, input, expected, actual);
            Assert.True(report is null, report);
        }
    }

    private static void AssertConstants(System.Text.Json.JsonElement root)
    {
        if (!root.TryGetProperty("constants", out var constants)) return;
        Assert.Equal(Duration.SampleRate, constants.GetProperty("target_sample_rate").GetInt32());
        Assert.Equal(Duration.HopLength, constants.GetProperty("hop_length").GetInt32());
        Assert.Equal(Duration.MaxFrames, constants.GetProperty("max_duration").GetInt32());
    }
}
