// Processed references, once per voice content: decode + official preprocessing + log-mel are done
// the first time a (file, transcript) pair is seen and kept in memory and on disk (written to a temp
// file and renamed), so a restart or a second request costs nothing. A changed file or transcript
// has another hash and is processed again.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IShowTts.Audio;
using IShowTts.Synthesis.Voices;

namespace IShowTts.Synthesis.Caching;

public sealed class ReferenceCache(string? directory, Func<float[], float[]> computeMel)
{
    private const int FormatVersion = 1;
    private readonly ConcurrentDictionary<string, PreparedVoice> _memory = new(StringComparer.Ordinal);

    public int MemoryEntries => _memory.Count;

    public static string HashOf(string audioPath, string referenceText)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(audioPath));
        sha.AppendData(Encoding.UTF8.GetBytes("\0" + referenceText + $"\0v{FormatVersion}"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public PreparedVoice Get(string audioPath, string referenceText)
    {
        var hash = HashOf(audioPath, referenceText);
        if (_memory.TryGetValue(hash, out var cached)) return cached;
        var voice = TryReadDisk(hash) ?? Prepare(audioPath, hash);
        _memory[hash] = voice;
        return voice;
    }

    private PreparedVoice Prepare(string audioPath, string hash)
    {
        PreparedReference prepared;
        try
        {
            prepared = ReferencePreprocessor.Prepare(AudioDecoder.Decode(audioPath), audioPath);
        }
        catch (AudioFormatException e)
        {
            throw new SpeechException(SpeechErrorKind.BadReference, e.Message, e);
        }
        var voice = PreparedVoice.From(prepared, computeMel(prepared.Wave24k), hash);
        TryWriteDisk(voice);
        return voice;
    }

    private sealed record DiskHeader(int Version, int WaveLength, int MelLength, double RmsBefore, bool RmsRaised, bool Clipped,
        string? ClipMessage, double PreprocessedSeconds);

    private string? PathOf(string hash) => directory is null ? null : Path.Combine(directory, hash + ".ref");

    private void TryWriteDisk(PreparedVoice v)
    {
        var path = PathOf(v.ContentHash);
        if (path is null) return;
        Directory.CreateDirectory(directory!);
        var tmp = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            using (var w = new BinaryWriter(File.Create(tmp)))
            {
                var header = JsonSerializer.Serialize(new DiskHeader(FormatVersion, v.Wave24k.Length, v.Mel?.Length ?? 0, v.RmsBefore, v.RmsRaised,
                    v.Clipped, v.ClipMessage, v.PreprocessedSeconds));
                w.Write(header);
                foreach (var f in v.Wave24k) w.Write(f);
                foreach (var f in v.Mel ?? []) w.Write(f);
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch (IOException)
        {
            File.Delete(tmp); // a cache that cannot be written is only slower
        }
    }

    private PreparedVoice? TryReadDisk(string hash)
    {
        var path = PathOf(hash);
        if (path is null || !File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(File.OpenRead(path));
            var h = JsonSerializer.Deserialize<DiskHeader>(r.ReadString());
            if (h is null || h.Version != FormatVersion) return null;
            var wave = new float[h.WaveLength];
            for (int i = 0; i < wave.Length; i++) wave[i] = r.ReadSingle();
            var mel = new float[h.MelLength];
            for (int i = 0; i < mel.Length; i++) mel[i] = r.ReadSingle();
            return new PreparedVoice(wave, mel.Length > 0 ? mel : null, h.RmsBefore, h.RmsRaised, h.Clipped, h.ClipMessage, h.PreprocessedSeconds, hash);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or JsonException)
        {
            return null; // a damaged cache file is rebuilt
        }
    }
}
