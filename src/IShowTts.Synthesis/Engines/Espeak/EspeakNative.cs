// libespeak-ng (Debian libespeak-ng1), speak_lib.h of 1.51: synchronous retrieval mode, UTF-8 text,
// audio handed to a callback. The library keeps global state, so EspeakLibrary serialises all use.
using System.Runtime.InteropServices;

namespace IShowTts.Synthesis.Engines.Espeak;

internal static unsafe partial class EspeakNative
{
    public const string Library = "libespeak-ng.so.1";

    public const int AudioOutputSynchronous = 2;   // espeak_AUDIO_OUTPUT.AUDIO_OUTPUT_SYNCHRONOUS
    public const int InitializeDontExit = 0x8000;  // espeakINITIALIZE_DONT_EXIT
    public const int PositionCharacter = 1;        // espeak_POSITION_TYPE.POS_CHARACTER
    public const int CharsUtf8 = 1;                // espeakCHARS_UTF8
    public const int ParameterRate = 1;            // espeak_PARAMETER.espeakRATE
    public const int Ok = 0;                       // EE_OK

    [LibraryImport(Library, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferMs, string? path, int options);

    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged<short*, int, void*, int> callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static partial int Synth(byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, void* userData);

    [LibraryImport(Library, EntryPoint = "espeak_Synchronize")]
    public static partial int Synchronize();

    [LibraryImport(Library, EntryPoint = "espeak_Terminate")]
    public static partial int Terminate();
}
