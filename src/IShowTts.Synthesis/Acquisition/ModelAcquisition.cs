// The released model files the product needs (F5-TTS checkpoint and vocabulary, Vocos config and
// weights), fetched into the hub cache and linked into one model folder in the layout
// IShowTts.Engine.ModelFiles.Resolve reads:  {folder}/model_1250000.safetensors, {folder}/vocab.txt,
// {folder}/vocos/config.yaml, {folder}/vocos/pytorch_model.bin. Files already in the folder (placed
// by hand, or live links) are used as they are, with no network.
namespace IShowTts.Synthesis.Acquisition;

public static class ModelAcquisition
{
    public const string F5Repo = "SWivid/F5-TTS";
    public const string VocosRepo = "charactr/vocos-mel-24khz";

    /// <summary>The files of a model preset ("F5TTS_v1_Base" or "F5TTS_Base"), Vocos included.</summary>
    public static IReadOnlyList<HubFile> FilesFor(string model = "F5TTS_v1_Base")
    {
        var checkpoint = model switch
        {
            "F5TTS_v1_Base" => "model_1250000.safetensors",
            "F5TTS_Base" => "model_1200000.safetensors",
            _ => throw new ArgumentException($"no released files known for model \"{model}\" (known: F5TTS_v1_Base, F5TTS_Base)", nameof(model)),
        };
        return
        [
            new HubFile(F5Repo, $"{model}/{checkpoint}", checkpoint),
            new HubFile(F5Repo, $"{model}/vocab.txt", "vocab.txt"),
            new HubFile(VocosRepo, "config.yaml", "vocos/config.yaml"),
            new HubFile(VocosRepo, "pytorch_model.bin", "vocos/pytorch_model.bin"),
        ];
    }

    /// <summary>The files of <paramref name="model"/> not (or no longer) present in <paramref name="modelDirectory"/>.</summary>
    public static IReadOnlyList<HubFile> Missing(string modelDirectory, string model = "F5TTS_v1_Base") =>
        FilesFor(model).Where(f => !UsableFile.Exists(LinkPath(modelDirectory, f))).ToList();

    /// <summary>
    /// Makes <paramref name="modelDirectory"/> complete: each missing file is taken from the hub cache or
    /// downloaded into it, then linked into the folder. Returns the folder, ready for ModelFiles.Resolve.
    /// </summary>
    /// <exception cref="HubOfflineException">offline or no network, with <see cref="OfflineInstructions"/> as the message.</exception>
    /// <exception cref="HubException">a file is missing on the hub, corrupt, or its download kept failing.</exception>
    public static async Task<string> EnsureDefaultModelsAsync(HubClient hub, string modelDirectory, string model = "F5TTS_v1_Base",
        IProgress<DownloadProgress>? progress = null, CancellationToken cancel = default)
    {
        var missing = Missing(modelDirectory, model);
        var unreachable = new List<HubFile>();
        HubOfflineException? firstOffline = null;
        foreach (var file in missing)
        {
            string cached;
            try
            {
                cached = await hub.EnsureFileAsync(file.Repo, file.FileName, file.Revision, progress, cancel);
            }
            catch (HubOfflineException e)
            {
                firstOffline ??= e;
                unreachable.Add(file);
                continue;
            }
            Link(LinkPath(modelDirectory, file), cached);
        }
        if (unreachable.Count > 0)
            throw new HubOfflineException(OfflineInstructions(hub.Options, modelDirectory, unreachable, firstOffline!.Message), unreachable, firstOffline);
        return modelDirectory;
    }

    /// <summary>What to download and where to put it when the hub cannot be used.</summary>
    /// <param name="files">the files to list; null: all files of the default model.</param>
    /// <param name="reason">why the hub cannot be used; null: HF_HUB_OFFLINE or no network.</param>
    public static string OfflineInstructions(HubOptions options, string modelDirectory, IReadOnlyList<HubFile>? files = null, string? reason = null)
    {
        files ??= FilesFor();
        var lines = new List<string>
        {
            $"The model files are missing and cannot be downloaded ({reason ?? (options.Offline ? "HF_HUB_OFFLINE is set" : "no network")}).",
            "On a machine with network access, download each file and place it as shown:",
            "",
        };
        foreach (var f in files)
        {
            lines.Add($"  {HubClient.ResolveUrl(options.Endpoint, f.Repo, f.Revision, f.FileName)}");
            lines.Add($"    -> {LinkPath(modelDirectory, f)}");
        }
        lines.Add("");
        lines.Add($"Or copy a Hugging Face hub cache that holds them (for example made by `huggingface-cli download {F5Repo}` and " +
                  $"`huggingface-cli download {VocosRepo}`) to {options.CacheDirectory} (HF_HOME, HF_HUB_CACHE or [f5] hf_cache_dir choose another);");
        lines.Add("then run `ishowtts download` again, or pass --model-dir with a folder laid out as above.");
        return string.Join('\n', lines);
    }

    public static string LinkPath(string modelDirectory, HubFile file) =>
        Path.Combine([modelDirectory, .. file.LinkName.Split('/')]);

    /// <summary>Points <paramref name="link"/> at <paramref name="target"/>, replacing a stale link atomically.</summary>
    private static void Link(string link, string target)
    {
        var folder = Path.GetDirectoryName(link)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(link)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.CreateSymbolicLink(temp, Path.GetFullPath(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            File.Copy(target, temp);
        }
        File.Move(temp, link, overwrite: true);
    }
}
