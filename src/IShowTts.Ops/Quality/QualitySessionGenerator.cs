// `ishowtts quality generate`: renders every sentence of the plan at both compared NFE values and at the
// reference NFE (32), same text and seed, through the product's Synthesizer (F5, or espeak for plumbing);
// measures each sample; writes samples/, the blind copies, the manifest, an empty ratings file and a
// ratings template. Files appear in their final place only when complete (temp file, then rename).
using System.Text;
using IShowTts.Audio;
using IShowTts.Ops.Files;
using IShowTts.Synthesis;

namespace IShowTts.Ops.Quality;

public readonly record struct QualityProgress(int Done, int Total, string Label);

public static class QualitySessionGenerator
{
    public static async Task<QualityManifest> GenerateAsync(Synthesizer synthesizer, QualityPlan plan, string sessionsRoot,
        IProgress<QualityProgress>? progress = null, CancellationToken cancel = default)
    {
        if (plan.Nfe.Count != 2 || plan.Nfe[0] == plan.Nfe[1])
            throw new OpsException($"a quality session compares exactly two different NFE values (got {string.Join(",", plan.Nfe)})");
        if (plan.Sentences.Count == 0) throw new OpsException("no sentences selected: check --categories and --languages");
        int lower = plan.Nfe.Min(), higher = plan.Nfe.Max();
        var voice = synthesizer.ResolveVoice(plan.VoiceId, null);
        var id = plan.SessionId ?? $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{voice.Id}-nfe{lower}-vs-{higher}";
        if (!QualitySessionStore.IsValidId(id)) throw new OpsException($"'{id}' is not a session id (1–64 letters, digits, '-', '_', '.', not starting with '.')");
        var dir = Path.Combine(sessionsRoot, id);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new OpsException($"{dir} already exists and is not empty: choose another --session id");

        var nfes = new[] { lower, higher, plan.ReferenceNfe }.Distinct().ToArray();
        int total = plan.Sentences.Count * nfes.Length, done = 0;
        var items = new List<QualityItem>();
        for (int k = 0; k < plan.Sentences.Count; k++)
        {
            var sentence = plan.Sentences[k];
            var itemId = $"{sentence.Category}-{sentence.Language}-{k + 1:D2}";
            ulong seed = plan.Seed + (ulong)k;
            var waves = new Dictionary<int, float[]>();
            int rate = 24000;
            foreach (var nfe in nfes)
            {
                progress?.Report(new QualityProgress(done, total, $"{itemId} at NFE {nfe}"));
                var clip = await synthesizer.SynthesizeAsync(new SpeechRequest(sentence.Text, VoiceId: voice.Id, NfeStep: nfe, Seed: seed), cancel);
                waves[nfe] = clip.Samples;
                rate = clip.SampleRate;
                AtomicFile.WriteAllBytes(Path.Combine(dir, SamplePath(itemId, nfe)), WavWriter.ToBytes(clip.Samples, clip.SampleRate));
                done++;
            }
            var reference = waves[plan.ReferenceNfe];
            var samples = nfes.Select(nfe => new QualitySample(nfe, SamplePath(itemId, nfe), (double)waves[nfe].Length / rate,
                AudioMeasures.ClippingRatio(waves[nfe]), AudioMeasures.SilenceRatio(waves[nfe], rate),
                nfe == plan.ReferenceNfe ? 0 : AudioMeasures.MelDistance(waves[nfe], reference))).ToList();
            items.Add(new QualityItem(itemId, sentence.Category, sentence.Language, sentence.Text, seed, samples));
        }
        progress?.Report(new QualityProgress(done, total, "writing the blind order and manifest"));
        int orderSeed = plan.OrderSeed ?? Random.Shared.Next();
        var trials = BlindOrder.Create(items.Select(i => i.Id).ToList(), lower, higher, orderSeed);
        foreach (var t in trials)
        {
            var item = items.First(i => i.Id == t.ItemId);
            foreach (var side in new[] { "a", "b" })
                AtomicFile.WriteAllBytes(Path.Combine(dir, BlindPath(t.Trial, side)), File.ReadAllBytes(Path.Combine(dir, item.Sample(t.NfeOf(side)).File)));
        }
        var manifest = new QualityManifest(QualityManifest.CurrentSchema, id, DateTimeOffset.UtcNow, voice.Id, voice.Engine, [lower, higher],
            plan.ReferenceNfe, plan.Seed, orderSeed, plan.Sentences.Select(s => s.Category).Distinct().ToList(), items, trials);
        OpsJson.Write(Path.Combine(dir, QualitySessionStore.ManifestFile), manifest);
        OpsJson.Write(Path.Combine(dir, QualitySessionStore.RatingsFile), Array.Empty<QualityRating>());
        AtomicFile.WriteAllText(Path.Combine(dir, QualitySessionStore.TemplateFile), RatingsTemplate(manifest));
        progress?.Report(new QualityProgress(total, total, "done"));
        return manifest;
    }

    public static string SamplePath(string itemId, int nfe) => Path.Combine("samples", itemId, $"nfe-{nfe}.wav");

    public static string BlindPath(int trial, string side) => Path.Combine("blind", $"trial-{trial:D3}-{side}.wav");

    /// <summary>A CSV to fill in while listening to blind/trial-NNN-a.wav and -b.wav: one row per trial.</summary>
    public static string RatingsTemplate(QualityManifest manifest)
    {
        var csv = new StringBuilder();
        csv.Append("# Listen to blind/trial-NNN-a.wav and blind/trial-NNN-b.wav; choice: a, b or same; scores 1-5 (optional).\n");
        csv.Append("# Then: ishowtts quality rate ").Append(manifest.Id).Append(" --file THIS_FILE\n");
        csv.Append(RatingsCsv.Header).Append('\n');
        foreach (var t in manifest.Trials) csv.Append(t.Trial).Append(",,,,,\n");
        return csv.ToString();
    }
}
