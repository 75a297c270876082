// Time to first audio: a two-sentence request streamed through the product's F5 engine (the first
// chunk kept short so audio starts early), timed from the call to the first chunk in hand.
using System.Diagnostics;
using IShowTts.Engine;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines;
using IShowTts.Synthesis.Engines.F5;
using IShowTts.Synthesis.Voices;
using IShowTts.Text;

namespace IShowTts.Ops.Bench;

public static class FirstAudio
{
    public const string StreamedText = "Welcome back to the stream, chat! Today we are building a tiny robot that reads your messages " +
                                       "out loud, so stick around and say hello.";

    public static double Measure(F5Tts engine, Vocabulary vocabulary, Voice voice, int nfe, CancellationToken cancel)
    {
        var f5 = new F5Engine(() => engine, vocabulary, null); // not disposed: it would dispose the shared model
        f5.Prepare(voice); // the reference is cached before the clock starts, as on a warm server
        var request = new ResolvedRequest(StreamedText, new SpeakOptions(NfeStep: nfe, Language: voice.Language), 0.1f, false);
        return MeasureAsync(f5, voice, request, cancel).GetAwaiter().GetResult();
    }

    private static async Task<double> MeasureAsync(F5Engine f5, Voice voice, ResolvedRequest request, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        await using var chunks = f5.StreamAsync(voice, request, cancel).GetAsyncEnumerator(cancel);
        if (!await chunks.MoveNextAsync()) throw new OpsException("the streamed request produced no audio");
        return clock.Elapsed.TotalSeconds;
    }
}
