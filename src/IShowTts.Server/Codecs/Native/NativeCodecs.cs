// Finds the system codec libraries the encoders bind to (Debian: libmp3lame0, libflac12 or libflac14);
// sonames differ by release and platform, so each logical name tries a list. One resolver per assembly.
using System.Reflection;
using System.Runtime.InteropServices;

namespace IShowTts.Server.Codecs.Native;

internal static class NativeCodecs
{
    public const string Lame = "mp3lame";
    public const string Flac = "FLAC";

    private static readonly Dictionary<string, string[]> Candidates = new()
    {
        [Lame] = ["libmp3lame.so.0", "libmp3lame.so", "libmp3lame.0.dylib", "libmp3lame.dylib", "libmp3lame.dll", "mp3lame.dll"],
        [Flac] = ["libFLAC.so.14", "libFLAC.so.12", "libFLAC.so.8", "libFLAC.so", "libFLAC.14.dylib", "libFLAC.12.dylib", "libFLAC.dylib", "FLAC.dll", "libFLAC.dll"],
    };

    private static readonly Dictionary<string, Lazy<nint>> Handles = Candidates.ToDictionary(c => c.Key, c => new Lazy<nint>(() => Load(c.Value)));

    static NativeCodecs() => NativeLibrary.SetDllImportResolver(typeof(NativeCodecs).Assembly, Resolve);

    /// <summary>Whether the library loads; when not, the reason names the Debian package.</summary>
    public static bool IsAvailable(string name) => Handles[name].Value != 0;

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        Handles.TryGetValue(name, out var handle) ? handle.Value : 0;

    private static nint Load(string[] names)
    {
        foreach (var n in names)
            if (NativeLibrary.TryLoad(n, typeof(NativeCodecs).Assembly, null, out var h)) return h;
        return 0;
    }
}
