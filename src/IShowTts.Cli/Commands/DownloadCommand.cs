// `ishowtts download`: fetches the F5 checkpoint, vocab and Vocos from the Hugging Face hub into the
// hub cache (resumable, verified) and links them into the configured model directory.
using IShowTts.Configuration;
using IShowTts.Synthesis.Acquisition;

namespace IShowTts.Cli.Commands;

public sealed class DownloadCommand : ICommand
{
    public string Name => "download";

    public string Summary => "download the F5-TTS and Vocos weights (Hugging Face hub)";

    public string Usage => """
        usage: ishowtts download [--model F5TTS_v1_Base|F5TTS_Base] [--offline] [--revalidate]

          Files: SWivid/F5-TTS F5TTS_v1_Base/model_1250000.safetensors and vocab.txt, and
          charactr/vocos-mel-24khz config.yaml and pytorch_model.bin, kept in the hub's own cache
          layout (HF_HOME / HF_HUB_CACHE or [f5] hf_cache_dir; an existing Python cache is reused) and
          linked into [f5] model_dir. HF_ENDPOINT selects a mirror. Interrupted downloads resume.
          --offline (or HF_HUB_OFFLINE=1) prints which files to place where instead.
        """;

    public async Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        var model = args.String("model") ?? context.Config.F5.Model;
        bool offline = args.Flag("offline");
        bool revalidate = args.Flag("revalidate");
        args.Finish();
        var f5 = context.Config.F5;
        var options = HubOptions.FromEnvironment(ConfigurationLoader.ProcessEnvironment(), f5.HfCacheDirectory) with { RevalidateCached = revalidate };
        if (offline) options = options with { Offline = true };
        using var hub = new HubClient(options);
        try
        {
            var dir = await ModelAcquisition.EnsureDefaultModelsAsync(hub, f5.ModelDirectory, model,
                new ConsoleProgressBar(Console.Error, !Console.IsErrorRedirected), cancel);
            context.Log.Line($"{model} is ready in {dir}");
            return 0;
        }
        catch (Exception e) when (e is HubOfflineException or HubException or HttpRequestException)
        {
            context.Log.Line(e.Message);
            return 1;
        }
    }
}
