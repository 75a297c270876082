using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cpu.Blas;

/// <summary>The C library's environment: native libraries read it, not .NET's managed copy.</summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnv(string name, string value, int overwrite);
}
