// `ishowtts voices`: the engines with their readiness (and why not), and every voice they can speak with.
using IShowTts.Synthesis.Composition;

namespace IShowTts.Cli.Commands;

public sealed class VoicesCommand : ICommand
{
    public string Name => "voices";

    public string Summary => "list engines (ready or why not) and voices";

    public string Usage => """
        usage: ishowtts voices [--load] [--config FILE]

          Lists the configured voices and the engines with their readiness. F5 reports ready only
          once its model is loaded: --load loads it now (and downloads it when auto_download is on).
        """;

    public Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        bool load = args.Flag("load");
        args.Finish();
        var (synth, f5) = ProductSynthesizer.Build(context.Config, context.Log.Line);
        using (f5)
        {
            if (load) f5.TryLoad();
            else if (!f5.Status.Ready) f5.TryProbe();
            Console.Out.WriteLine("engines:");
            foreach (var e in synth.Engines)
                Console.Out.WriteLine($"  {e.Id,-8} {(e.Status.Ready ? "ready" : "not ready"),-10} {e.Label}" +
                    (e.Status.Ready ? "" : $"\n           {e.Status.Reason?.Replace("\n", "\n           ")}"));
            Console.Out.WriteLine("voices:");
            foreach (var v in synth.Voices.All)
                Console.Out.WriteLine($"  {v.Id,-20} {v.Engine,-7} {v.Language,-6} {(v.Id == synth.Options.DefaultVoice ? "(default) " : "")}{v.Label}");
            foreach (var p in synth.Voices.Problems)
                Console.Out.WriteLine($"  {p.VoiceId,-20} unavailable: {p.Reason}");
        }
        return Task.FromResult(0);
    }
}
