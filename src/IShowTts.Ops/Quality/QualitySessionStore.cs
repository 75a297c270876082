// The quality sessions under <data_dir>/quality/: listing, opening by id (or by folder), the blind
// audio of a trial side, and the ratings file (read; upsert one rating per listener and trial, written
// atomically under a per-session lock, in process and across processes, so concurrent API posts and a
// `quality rate` never lose each other's ratings).
using System.Collections.Concurrent;
using IShowTts.Ops.Files;

namespace IShowTts.Ops.Quality;

public sealed class QualitySessionStore(string root)
{
    public const string ManifestFile = "manifest.json";
    public const string RatingsFile = "ratings.json";
    public const string TemplateFile = "ratings-template.csv";
    public const string LockFile = ".ratings.lock";

    private static readonly ConcurrentDictionary<string, object> Locks = new(StringComparer.Ordinal);

    /// <summary>&lt;data_dir&gt;/quality.</summary>
    public static string DefaultRoot(string dataDirectory) => Path.Combine(dataDirectory, "quality");

    public string Root { get; } = Path.GetFullPath(root);

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Every session with a readable manifest, newest first.</summary>
    public IReadOnlyList<QualityManifest> List()
    {
        if (!Directory.Exists(Root)) return [];
        var sessions = new List<QualityManifest>();
        foreach (var dir in Directory.GetDirectories(Root))
        {
            var id = Path.GetFileName(dir);
            if (!IsValidId(id) || !File.Exists(Path.Combine(dir, ManifestFile))) continue;
            try { sessions.Add(Open(id)); }
            catch (OpsException) { } // a broken session is skipped in the list; opening it says why
        }
        return sessions.OrderByDescending(s => s.CreatedAt).ToList();
    }

    /// <summary>The session's manifest, or null when there is no such session.</summary>
    public QualityManifest? TryOpen(string id) =>
        IsValidId(id) && File.Exists(Path.Combine(Root, id, ManifestFile)) ? Open(id) : null;

    public QualityManifest Open(string id)
    {
        if (!IsValidId(id)) throw new OpsException($"'{id}' is not a session id");
        var manifest = OpsJson.Read<QualityManifest>(Path.Combine(Root, id, ManifestFile));
        if (manifest.Schema != QualityManifest.CurrentSchema)
            throw new OpsException($"{Path.Combine(Root, id, ManifestFile)}: schema '{manifest.Schema}' is not {QualityManifest.CurrentSchema}");
        return manifest;
    }

    public string Folder(string id) => Path.Combine(Root, id);

    /// <summary>The WAV file of a trial's side ("a" or "b"), or null when the trial or side does not exist.</summary>
    public string? BlindAudio(QualityManifest manifest, int trial, string side)
    {
        if (manifest.Trial(trial) is null || side is not ("a" or "b")) return null;
        var path = Path.Combine(Folder(manifest.Id), QualitySessionGenerator.BlindPath(trial, side));
        return File.Exists(path) ? path : null;
    }

    public IReadOnlyList<QualityRating> Ratings(string id)
    {
        var path = Path.Combine(Folder(id), RatingsFile);
        return File.Exists(path) ? OpsJson.Read<List<QualityRating>>(path) : [];
    }

    /// <summary>Adds the ratings, each replacing an earlier one by the same listener for the same trial; returns the count stored.</summary>
    public int Save(QualityManifest manifest, IEnumerable<QualityRating> ratings)
    {
        var incoming = ratings.ToList();
        foreach (var r in incoming)
            if (r.Problem(manifest) is { } problem) throw new OpsException(problem);
        lock (Locks.GetOrAdd(Folder(manifest.Id), _ => new object()))
        // The lock file keeps `ishowtts quality rate` and a running server from interleaving read-modify-writes.
        using (AtomicFile.Lock(Path.Combine(Folder(manifest.Id), LockFile)))
        {
            var all = Ratings(manifest.Id).ToList();
            foreach (var r in incoming)
            {
                all.RemoveAll(x => x.Trial == r.Trial && string.Equals(x.Listener, r.Listener, StringComparison.Ordinal));
                all.Add(r);
            }
            OpsJson.Write(Path.Combine(Folder(manifest.Id), RatingsFile), all.OrderBy(r => r.Listener, StringComparer.Ordinal).ThenBy(r => r.Trial).ToList());
            return all.Count;
        }
    }
}
