// The default model files end up in one folder that the engine's ModelFiles.Resolve accepts; files
// already there cost no network; offline, the message lists every file's URL and destination.
using IShowTts.Engine;
using IShowTts.Synthesis.Acquisition;

namespace IShowTts.Synthesis.Tests.Acquisition;

public sealed class ModelAcquisitionTests
{
    private const string VocosYaml = """
        feature_extractor:
          class_path: vocos.feature_extractors.MelSpectrogramFeatures
          init_args:
            sample_rate: 24000
            n_fft: 1024
            hop_length: 256
            n_mels: 100
            padding: center
        backbone:
          class_path: vocos.models.VocosBackbone
          init_args:
            input_channels: 100
            dim: 512
            intermediate_dim: 1536
            num_layers: 8
        head:
          class_path: vocos.heads.ISTFTHead
          init_args:
            dim: 512
            n_fft: 1024
            hop_length: 256
            padding: center
        """;

    private static void HostDefaultModels(FakeHubServer hub)
    {
        hub.AddLfsFile("SWivid/F5-TTS", "F5TTS_v1_Base/model_1250000.safetensors", AcquisitionScratch.Content(40_000, 10), AcquisitionScratch.Commit);
        hub.AddSmallFile("SWivid/F5-TTS", "F5TTS_v1_Base/vocab.txt", " \na\nb\n"u8.ToArray(), AcquisitionScratch.Commit);
        const string vocosCommit = "fedcba9876543210fedcba9876543210fedcba98";
        hub.AddSmallFile("charactr/vocos-mel-24khz", "config.yaml", System.Text.Encoding.UTF8.GetBytes(VocosYaml), vocosCommit);
        hub.AddLfsFile("charactr/vocos-mel-24khz", "pytorch_model.bin", AcquisitionScratch.Content(30_000, 11), vocosCommit);
    }

    [Fact]
    public async Task TheDefaultModelsAreFetchedIntoAFolderTheEngineResolves()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        HostDefaultModels(hub);
        using var client = new HubClient(scratch.Options(hub.Endpoint));

        var folder = await ModelAcquisition.EnsureDefaultModelsAsync(client, scratch.ModelFolder);

        var files = ModelFiles.Resolve(folder);
        Assert.Equal(Path.Combine(folder, "model_1250000.safetensors"), files.F5Path);
        Assert.Equal(Path.Combine(folder, "vocos", "pytorch_model.bin"), files.VocosPath);
        Assert.Equal(Path.Combine(folder, "vocab.txt"), files.VocabPath);
        Assert.StartsWith(Path.Combine(scratch.Cache, "models--SWivid--F5-TTS", "snapshots"), new FileInfo(files.F5Path).LinkTarget);
        Assert.Empty(ModelAcquisition.Missing(folder));
    }

    [Fact]
    public async Task ACompleteFolderNeedsNoNetworkAndAStaleLinkIsRenewed()
    {
        using var scratch = new AcquisitionScratch();
        await using var hub = new FakeHubServer();
        HostDefaultModels(hub);
        using var client = new HubClient(scratch.Options(hub.Endpoint));
        await ModelAcquisition.EnsureDefaultModelsAsync(client, scratch.ModelFolder);
        int requests = hub.Requests.Count;

        await ModelAcquisition.EnsureDefaultModelsAsync(client, scratch.ModelFolder);
        Assert.Equal(requests, hub.Requests.Count);

        File.Delete(Path.Combine(scratch.ModelFolder, "vocab.txt"));
        File.CreateSymbolicLink(Path.Combine(scratch.ModelFolder, "vocab.txt"), Path.Combine(scratch.Root, "gone.txt"));
        Assert.Equal(["vocab.txt"], ModelAcquisition.Missing(scratch.ModelFolder).Select(f => f.LinkName));
        await ModelAcquisition.EnsureDefaultModelsAsync(client, scratch.ModelFolder);

        Assert.Equal(requests, hub.Requests.Count);
        Assert.Equal(" \na\nb\n", await File.ReadAllTextAsync(Path.Combine(scratch.ModelFolder, "vocab.txt")));
    }

    [Fact]
    public async Task OfflineTheMessageListsEveryFileWithItsUrlAndDestination()
    {
        using var scratch = new AcquisitionScratch();
        var options = HubOptions.FromEnvironment(new Dictionary<string, string?>
        {
            ["HOME"] = scratch.Root, ["HF_HUB_OFFLINE"] = "1", ["HF_ENDPOINT"] = "https://hf-mirror.com",
        });
        using var client = new HubClient(options);

        var e = await Assert.ThrowsAsync<HubOfflineException>(() => ModelAcquisition.EnsureDefaultModelsAsync(client, scratch.ModelFolder));

        Assert.Equal(4, e.Missing.Count);
        Assert.Contains("HF_HUB_OFFLINE", e.Message);
        foreach (var file in ModelAcquisition.FilesFor())
        {
            Assert.Contains($"https://hf-mirror.com/{file.Repo}/resolve/main/{file.FileName}", e.Message);
            Assert.Contains($"-> {ModelAcquisition.LinkPath(scratch.ModelFolder, file)}", e.Message);
        }
        Assert.Contains(options.CacheDirectory, e.Message);
    }

    [Fact]
    public async Task FilesPlacedByHandAreAcceptedOffline()
    {
        using var scratch = new AcquisitionScratch();
        foreach (var file in ModelAcquisition.FilesFor())
        {
            var path = ModelAcquisition.LinkPath(scratch.ModelFolder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.LinkName.EndsWith(".yaml") ? VocosYaml : "x");
        }
        using var client = new HubClient(scratch.Options(AcquisitionScratch.DeadEndpoint()) with { Offline = true });

        var folder = await ModelAcquisition.EnsureDefaultModelsAsync(client, scratch.ModelFolder);

        Assert.Equal(Path.Combine(folder, "model_1250000.safetensors"), ModelFiles.Resolve(folder).F5Path);
    }

    [Fact]
    public void TheV0ModelHasItsOwnCheckpointAndUnknownModelsAreRefused()
    {
        Assert.Equal("F5TTS_Base/model_1200000.safetensors", ModelAcquisition.FilesFor("F5TTS_Base")[0].FileName);
        Assert.Throws<ArgumentException>(() => ModelAcquisition.FilesFor("E2TTS_Base"));
    }
}
