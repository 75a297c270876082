// doctor's product checks, from the configuration: the model files present (what is missing and the
// command that gets it) with their SHA-256, compared with the checksums doctor recorded the first time
// (a changed file is flagged); every configured voice readable (reference audio decodes, transcript
// given); the espeak system voice loadable.
using System.Security.Cryptography;
using IShowTts.Audio;
using IShowTts.Configuration;
using IShowTts.Engine;
using IShowTts.Ops.Files;
using IShowTts.Synthesis.Acquisition;
using IShowTts.Synthesis.Engines.Espeak;

namespace IShowTts.Ops.Doctor;

public static class ProductChecks
{
    /// <summary>&lt;data_dir&gt;/doctor/model-checksums.json: path → SHA-256 and when it was first seen.</summary>
    public static string ChecksumRecord(string dataDirectory) => Path.Combine(dataDirectory, "doctor", "model-checksums.json");

    public sealed record RecordedChecksum(string Sha256, long Bytes, DateTimeOffset FirstSeen);

    public static IReadOnlyList<DoctorCheck> Model(IShowTtsConfig config, bool checksums)
    {
        var f5 = config.F5;
        ModelFiles files;
        try
        {
            if (f5.CheckpointFile is not null)
                files = ModelFiles.FromParts(f5.CheckpointFile, f5.VocoderLocalPath ?? Path.Combine(f5.ModelDirectory, "vocos"), f5.Model, f5.VocabFile);
            else
            {
                var missing = ModelAcquisition.Missing(f5.ModelDirectory, f5.Model);
                if (missing.Count > 0)
                    return [new DoctorCheck("model", "model files", CheckStatus.Warning,
                        $"{f5.Model} is not in {f5.ModelDirectory} (missing: {string.Join(", ", missing.Select(m => m.LinkName))}); until it is, only the espeak voices speak",
                        "ishowtts download   (or `ishowtts download --offline` for the files to place by hand)")];
                files = ModelFiles.Resolve(f5.ModelDirectory, f5.Model);
            }
        }
        catch (EngineException e)
        {
            return [new DoctorCheck("model", "model files", CheckStatus.Failed, e.Message, "ishowtts download")];
        }
        var paths = new[] { files.F5Path, files.VocosPath, files.VocabPath }.OfType<string>().ToList();
        var present = new DoctorCheck("model", "model files", CheckStatus.Ok, $"{files.Description}: {string.Join(", ", paths.Select(Path.GetFileName))}");
        if (!checksums) return [present, new DoctorCheck("model", "checksums", CheckStatus.Skipped, "--no-checksums")];
        return [present, Checksums(paths, ChecksumRecord(config.Paths.DataDirectory))];
    }

    /// <summary>
    /// SHA-256 of each file vs the record; the first run records them. A file whose checksum changed is a
    /// problem (a corrupted or replaced model speaks differently), fixed by downloading it again or, when
    /// the change was meant, by deleting the record so the new checksums are recorded.
    /// </summary>
    public static DoctorCheck Checksums(IReadOnlyList<string> paths, string recordPath)
    {
        Dictionary<string, RecordedChecksum> record;
        try
        {
            record = File.Exists(recordPath) ? OpsJson.Read<Dictionary<string, RecordedChecksum>>(recordPath) : [];
        }
        catch (OpsException e)
        {
            return new DoctorCheck("model", "checksums", CheckStatus.Failed, $"the checksum record is unreadable: {e.Message}",
                $"delete {recordPath}; the next `ishowtts doctor` records the checksums again");
        }
        var lines = new List<string>();
        var changed = new List<string>();
        bool added = false;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            string sha;
            using (var stream = File.OpenRead(full)) sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            long bytes = new FileInfo(full).Length;
            lines.Add($"{Path.GetFileName(full)} {sha[..16]}… ({bytes / 1e6:F0} MB)");
            if (record.TryGetValue(full, out var seen))
            {
                if (seen.Sha256 != sha) changed.Add($"{full} changed since {seen.FirstSeen:yyyy-MM-dd} (was {seen.Sha256[..16]}…, now {sha[..16]}…)");
            }
            else
            {
                record[full] = new RecordedChecksum(sha, bytes, DateTimeOffset.UtcNow);
                added = true;
            }
        }
        if (added) OpsJson.Write(recordPath, record);
        return changed.Count > 0
            ? new DoctorCheck("model", "checksums", CheckStatus.Failed, string.Join("; ", changed),
                $"if you did not replace the model on purpose, download it again (`ishowtts download`); then delete {recordPath} to record the new checksums")
            : new DoctorCheck("model", "checksums", CheckStatus.Ok, string.Join(", ", lines) + (added ? " (recorded now)" : " (as recorded)"));
    }

    public static IReadOnlyList<DoctorCheck> Voices(IShowTtsConfig config)
    {
        var checks = new List<DoctorCheck>();
        foreach (var u in config.UnavailableVoices)
            checks.Add(new DoctorCheck("voices", $"voice {u.VoiceId}", CheckStatus.Failed, $"{u.Origin}: {u.Reason}", "fix the voice's reference_audio path or remove the voice"));
        foreach (var v in config.F5.Voices)
        {
            if (string.IsNullOrWhiteSpace(v.ReferenceText))
            {
                checks.Add(new DoctorCheck("voices", $"voice {v.Id}", CheckStatus.Failed, "reference_text is empty", "give the transcript of the reference audio"));
                continue;
            }
            try
            {
                var clip = AudioDecoder.Decode(v.ReferenceAudio);
                checks.Add(clip.Seconds > 12.5
                    ? new DoctorCheck("voices", $"voice {v.Id}", CheckStatus.Warning,
                        $"{v.ReferenceAudio}: {clip.Seconds:F1} s; F5 uses at most 12 s, so the transcript will not match the clipped audio",
                        "trim the recording to 5–12 s and give the transcript of exactly that")
                    : new DoctorCheck("voices", $"voice {v.Id}", CheckStatus.Ok, $"{v.ReferenceAudio}: {clip.Seconds:F1} s, {clip.SampleRate} Hz"));
            }
            catch (Exception e) when (e is AudioFormatException or IOException or UnauthorizedAccessException)
            {
                checks.Add(new DoctorCheck("voices", $"voice {v.Id}", CheckStatus.Failed, e.Message, "replace the reference audio (WAV, MP3, FLAC, Ogg)"));
            }
        }
        var espeak = new EspeakEngine().Status;
        checks.Add(espeak.Ready
            ? new DoctorCheck("voices", "espeak system voice", CheckStatus.Ok, "eSpeak NG loads")
            : new DoctorCheck("voices", "espeak system voice", CheckStatus.Warning, espeak.Reason ?? "eSpeak NG is not available",
                "sudo apt-get install libespeak-ng1 espeak-ng-data"));
        return checks;
    }
}
