// The one initialised libespeak-ng instance of the process. espeak keeps global state, so every call
// goes through one lock; synthesis runs synchronously and the callback appends to the caller's buffer.
using System.Runtime.InteropServices;
using System.Text;

namespace IShowTts.Synthesis.Engines.Espeak;

public sealed unsafe class EspeakLibrary : IDisposable
{
    private static readonly Lock Gate = new();
    private static EspeakLibrary? _instance;
    private static string? _failure;
    [ThreadStatic] private static List<short>? _sink;

    private EspeakLibrary(int sampleRate) => SampleRate = sampleRate;

    /// <summary>espeak's output rate (22050 Hz for espeak-ng).</summary>
    public int SampleRate { get; }

    /// <summary>The shared instance, or null with the reason (library or data missing).</summary>
    public static EspeakLibrary? TryGet(out string reason)
    {
        lock (Gate)
        {
            reason = _failure ?? "";
            if (_instance is not null || _failure is not null) return _instance;
            try
            {
                int rate = EspeakNative.Initialize(EspeakNative.AudioOutputSynchronous, 0, null, EspeakNative.InitializeDontExit);
                if (rate <= 0) _failure = "espeak_Initialize failed: the voice data (Debian package espeak-ng-data) is missing";
                else
                {
                    EspeakNative.SetSynthCallback(&OnSamples);
                    _instance = new EspeakLibrary(rate);
                }
            }
            catch (DllNotFoundException)
            {
                _failure = "libespeak-ng is not installed (Debian package libespeak-ng1)";
            }
            reason = _failure ?? "";
            return _instance;
        }
    }

    /// <summary>Speaks text with an espeak voice name (e.g. "en-us", "cmn") at words per minute; 16-bit samples at SampleRate.</summary>
    public short[] Speak(string text, string voice, int wordsPerMinute)
    {
        lock (Gate)
        {
            if (EspeakNative.SetVoiceByName(voice) != EspeakNative.Ok)
                throw new ArgumentException($"espeak has no voice '{voice}'");
            EspeakNative.SetParameter(EspeakNative.ParameterRate, Math.Clamp(wordsPerMinute, 80, 450), 0);
            var bytes = Encoding.UTF8.GetBytes(text + "\0");
            _sink = new List<short>(SampleRate * 2);
            try
            {
                fixed (byte* p = bytes)
                {
                    int status = EspeakNative.Synth(p, (nuint)bytes.Length, 0, EspeakNative.PositionCharacter, 0, EspeakNative.CharsUtf8, null, null);
                    if (status != EspeakNative.Ok) throw new InvalidOperationException($"espeak_Synth failed with status {status}");
                }
                EspeakNative.Synchronize();
                return [.. _sink];
            }
            finally
            {
                _sink = null;
            }
        }
    }

    [UnmanagedCallersOnly]
    private static int OnSamples(short* wav, int count, void* events)
    {
        if (wav is not null && count > 0) _sink?.AddRange(new ReadOnlySpan<short>(wav, count));
        return 0; // continue
    }

    public void Dispose()
    {
        // The instance lives for the process: espeak cannot be re-initialised safely after Terminate.
    }
}
