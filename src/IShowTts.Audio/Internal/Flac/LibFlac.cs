// P/Invoke bindings to libFLAC's stream decoder (FLAC/stream_decoder.h, libFLAC 1.3–1.5: Debian
// libflac12 on bookworm, libflac14 on trixie). The soname differs by release, so a resolver tries the
// known ones. Only the calls FlacReader needs; enums mirror the header's values.
using System.Reflection;
using System.Runtime.InteropServices;

namespace IShowTts.Audio.Internal.Flac;

internal static partial class LibFlac
{
    const string Library = "FLAC";

    static readonly string[] Candidates =
        ["libFLAC.so.14", "libFLAC.so.12", "libFLAC.so.8", "libFLAC.so", "libFLAC.14.dylib", "libFLAC.12.dylib", "libFLAC.dylib", "FLAC.dll", "libFLAC.dll"];

    static readonly Lazy<nint> Handle = new(() =>
    {
        foreach (var candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, typeof(LibFlac).Assembly, null, out var handle)) return handle;
        return 0;
    });

    static LibFlac() => NativeLibrary.SetDllImportResolver(typeof(LibFlac).Assembly, Resolve);

    static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) => name == Library ? Handle.Value : 0;

    /// <summary>Whether one of the known libFLAC sonames could be loaded (it stays loaded).</summary>
    public static bool IsAvailable() => Handle.Value != 0;

    // FLAC__StreamDecoderState
    public const int StateEndOfStream = 4;

    // FLAC__StreamDecoderReadStatus / WriteStatus
    public const int ReadContinue = 0, ReadEndOfStream = 1;
    public const int WriteContinue = 0, WriteAbort = 1;

    public const int MetadataTypeStreamInfo = 0;

    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_new")]
    internal static partial FlacDecoderHandle StreamDecoderNew();

    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_delete")]
    internal static partial void StreamDecoderDelete(nint decoder);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_set_md5_checking")]
    internal static partial int StreamDecoderSetMd5Checking(FlacDecoderHandle decoder, int value);

    /// <summary>FLAC__stream_decoder_init_stream: read, seek, tell, length, eof, write, metadata, error callbacks (cdecl function pointers; seek..eof may be 0).</summary>
    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_init_stream")]
    internal static partial int StreamDecoderInitStream(FlacDecoderHandle decoder, nint read, nint seek, nint tell, nint length, nint eof,
        nint write, nint metadata, nint error, nint clientData);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_init_ogg_stream")]
    internal static partial int StreamDecoderInitOggStream(FlacDecoderHandle decoder, nint read, nint seek, nint tell, nint length, nint eof,
        nint write, nint metadata, nint error, nint clientData);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_process_until_end_of_stream")]
    internal static partial int StreamDecoderProcessUntilEndOfStream(FlacDecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_get_state")]
    internal static partial int StreamDecoderGetState(FlacDecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_decoder_finish")]
    internal static partial int StreamDecoderFinish(FlacDecoderHandle decoder);

    public static string InitStatusName(int status) => status switch
    {
        1 => "UNSUPPORTED_CONTAINER (libFLAC built without Ogg)",
        2 => "INVALID_CALLBACKS",
        3 => "MEMORY_ALLOCATION_ERROR",
        4 => "ERROR_OPENING_FILE",
        5 => "ALREADY_INITIALIZED",
        _ => $"status {status}",
    };

    public static string StateName(int state) => state switch
    {
        0 => "SEARCH_FOR_METADATA",
        1 => "READ_METADATA",
        2 => "SEARCH_FOR_FRAME_SYNC",
        3 => "READ_FRAME",
        4 => "END_OF_STREAM",
        5 => "OGG_ERROR",
        6 => "SEEK_ERROR",
        7 => "ABORTED",
        8 => "MEMORY_ALLOCATION_ERROR",
        9 => "UNINITIALIZED",
        _ => $"state {state}",
    };

    public static string ErrorStatusName(int status) => status switch
    {
        0 => "lost sync",
        1 => "bad frame header",
        2 => "frame CRC mismatch",
        3 => "unparseable stream",
        4 => "bad metadata",
        _ => $"error status {status}",
    };
}
