// What users change about voices through the API, persisted under the data directory and applied to
// the catalog: reference overrides (voices/overrides/overrides.json + audio/) and whole voices added by
// upload (voices/added/voices.json + audio/). Every file is written atomically; on start the store
// re-applies both, so changes survive restarts. Baselines are the voices as configured.
using System.Text.Json;
using IShowTts.Ops.Files;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Voices;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Persistence;

internal sealed class VoiceStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private readonly VoiceCatalog _catalog;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Voice> _baselines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VoiceOverride> _overrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddedVoice> _added = new(StringComparer.Ordinal);

    public VoiceStore(string dataDirectory, VoiceCatalog catalog, ILogger log)
    {
        _catalog = catalog;
        _log = log;
        OverridesDirectory = Path.Combine(Path.GetFullPath(dataDirectory), "voices", "overrides");
        AddedDirectory = Path.Combine(Path.GetFullPath(dataDirectory), "voices", "added");
        LoadAdded();
        foreach (var v in catalog.All) _baselines[v.Id] = v;
        LoadOverrides();
    }

    public string OverridesDirectory { get; }

    public string AddedDirectory { get; }

    private string OverridesFile => Path.Combine(OverridesDirectory, "overrides.json");

    private string AddedFile => Path.Combine(AddedDirectory, "voices.json");

    public Voice? Baseline(string id)
    {
        lock (_gate) return _baselines.GetValueOrDefault(id);
    }

    public VoiceOverride? Override(string id)
    {
        lock (_gate) return _overrides.GetValueOrDefault(id);
    }

    public AddedVoice? Added(string id)
    {
        lock (_gate) return _added.GetValueOrDefault(id);
    }

    /// <summary>The absolute path of an override's audio, or null when it keeps the baseline audio.</summary>
    public string? OverrideAudioPath(VoiceOverride o) => o.ReferenceAudio is null ? null : Path.Combine(OverridesDirectory, "audio", o.ReferenceAudio);

    /// <summary>Replaces the reference audio and/or transcript of a voice; persisted, then applied.</summary>
    public Voice SetOverride(Voice current, UploadedAudio? audio, string? text)
    {
        lock (_gate)
        {
            var baseline = _baselines.GetValueOrDefault(current.Id) ?? current;
            var previous = _overrides.GetValueOrDefault(current.Id);
            string? fileName = previous?.ReferenceAudio;
            string? written = null;
            if (audio is not null)
            {
                written = WriteAudio(Path.Combine(OverridesDirectory, "audio"), current.Id, audio);
                fileName = Path.GetFileName(written);
            }
            var record = new VoiceOverride(current.Id, current.Engine, fileName, text ?? previous?.ReferenceText, DateTimeOffset.UtcNow);
            var voice = baseline with
            {
                ReferenceAudio = record.ReferenceAudio is null ? baseline.ReferenceAudio : OverrideAudioPath(record),
                ReferenceText = record.ReferenceText ?? baseline.ReferenceText,
            };
            try
            {
                _catalog.AddOrReplace(voice);
            }
            catch
            {
                if (written is not null) TryDelete(written);
                throw;
            }
            _overrides[current.Id] = record;
            SaveOverrides();
            if (written is not null && previous?.ReferenceAudio is { } old && old != fileName)
                TryDelete(Path.Combine(OverridesDirectory, "audio", old));
            return voice;
        }
    }

    /// <summary>Back to the baseline; null when the voice had no override.</summary>
    public Voice? ClearOverride(string id)
    {
        lock (_gate)
        {
            if (!_overrides.Remove(id, out var removed)) return null;
            SaveOverrides();
            if (removed.ReferenceAudio is not null) TryDelete(OverrideAudioPath(removed)!);
            var baseline = _baselines[id];
            _catalog.AddOrReplace(baseline);
            return baseline;
        }
    }

    /// <summary>Adds a voice (its reference stored under voices/added); persisted, then in the catalog.</summary>
    public Voice Add(AddedVoice definition, UploadedAudio? audio)
    {
        lock (_gate)
        {
            string? written = audio is null ? null : WriteAudio(Path.Combine(AddedDirectory, "audio"), definition.Id, audio);
            var record = definition with { ReferenceAudio = written is null ? null : Path.GetFileName(written) };
            var voice = ToVoice(record);
            try
            {
                _catalog.AddOrReplace(voice);
            }
            catch
            {
                if (written is not null) TryDelete(written);
                throw;
            }
            _added[record.Id] = record;
            _baselines[record.Id] = voice;
            SaveAdded();
            return voice;
        }
    }

    /// <summary>Removes a voice added through the API, with its files and any override.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_added.Remove(id, out var removed)) return false;
            SaveAdded();
            _catalog.Remove(id);
            _baselines.Remove(id);
            if (removed.ReferenceAudio is not null) TryDelete(Path.Combine(AddedDirectory, "audio", removed.ReferenceAudio));
            if (_overrides.Remove(id, out var o))
            {
                SaveOverrides();
                if (o.ReferenceAudio is not null) TryDelete(OverrideAudioPath(o)!);
            }
            return true;
        }
    }

    private Voice ToVoice(AddedVoice a) => new(a.Id, a.Engine, a.Language,
        a.ReferenceAudio is null ? null : Path.Combine(AddedDirectory, "audio", a.ReferenceAudio), a.ReferenceText,
        Preload: false, Label: a.Label, Owner: a.Owner, ConsentNote: a.ConsentNote, EspeakVoice: a.EspeakVoice);

    private void LoadAdded()
    {
        var file = Read<AddedFileModel>(AddedFile);
        if (file is null) return;
        foreach (var a in file.Voices)
        {
            if (!VoiceCatalog.IsValidId(a.Id) || (a.ReferenceAudio is not null && Path.GetFileName(a.ReferenceAudio) != a.ReferenceAudio))
            {
                _log.LogWarning("{File}: skipping the voice '{Voice}': invalid id or file name", AddedFile, a.Id);
                continue;
            }
            var problems = _catalog.Load([ToVoice(a)]);
            foreach (var p in problems) _log.LogWarning("{File}: the added voice '{Voice}' cannot be used: {Reason}", AddedFile, p.VoiceId, p.Reason);
            if (problems.Count == 0) _added[a.Id] = a;
        }
    }

    private void LoadOverrides()
    {
        var file = Read<OverridesFileModel>(OverridesFile);
        if (file is null) return;
        foreach (var o in file.Overrides)
        {
            if (!_baselines.TryGetValue(o.VoiceId, out var baseline))
            {
                _log.LogWarning("{File}: an override for '{Voice}', which is not a voice now; kept but not applied", OverridesFile, o.VoiceId);
                _overrides[o.VoiceId] = o;
                continue;
            }
            if (o.ReferenceAudio is not null && Path.GetFileName(o.ReferenceAudio) != o.ReferenceAudio)
            {
                _log.LogWarning("{File}: skipping the override of '{Voice}': invalid file name", OverridesFile, o.VoiceId);
                continue;
            }
            var voice = baseline with
            {
                ReferenceAudio = o.ReferenceAudio is null ? baseline.ReferenceAudio : OverrideAudioPath(o),
                ReferenceText = o.ReferenceText ?? baseline.ReferenceText,
            };
            try
            {
                _catalog.AddOrReplace(voice);
                _overrides[o.VoiceId] = o;
            }
            catch (SpeechException e)
            {
                _log.LogWarning("{File}: the override of '{Voice}' cannot be used, the baseline stays: {Reason}", OverridesFile, o.VoiceId, e.Message);
            }
        }
    }

    private T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ServerStartException($"{path}: cannot read the saved voices ({e.Message}); fix the file or move it away");
        }
    }

    private void SaveOverrides() =>
        AtomicFile.WriteAllBytes(OverridesFile, JsonSerializer.SerializeToUtf8Bytes(new OverridesFileModel(1, [.. _overrides.Values.OrderBy(o => o.VoiceId, StringComparer.Ordinal)]), Json));

    private void SaveAdded() =>
        AtomicFile.WriteAllBytes(AddedFile, JsonSerializer.SerializeToUtf8Bytes(new AddedFileModel(1, [.. _added.Values.OrderBy(a => a.Id, StringComparer.Ordinal)]), Json));

    // A new name per upload: caches keyed by the reference path never serve the old recording.
    private static string WriteAudio(string directory, string id, UploadedAudio audio)
    {
        var path = Path.Combine(directory, $"{id}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}.{audio.Extension}");
        AtomicFile.WriteAllBytes(path, audio.Bytes);
        return path;
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogWarning("could not delete {Path}: {Reason}", path, e.Message);
        }
    }

    private sealed record OverridesFileModel(int Version, List<VoiceOverride> Overrides);

    private sealed record AddedFileModel(int Version, List<AddedVoice> Voices);
}
