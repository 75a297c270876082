// The progress bar's text: a bar with percent and sizes on a terminal; on a log, one line per tenth.
using IShowTts.Synthesis.Acquisition;

namespace IShowTts.Synthesis.Tests.Acquisition;

public sealed class ConsoleProgressBarTests
{
    private const string Repo = "SWivid/F5-TTS";
    private const string File = "F5TTS_v1_Base/model_1250000.safetensors";

    [Fact]
    public void ABarShowsPercentAndMegabytes()
    {
        var bar = new ConsoleProgressBar(TextWriter.Null, interactive: true, width: 10);

        var text = bar.Format(new DownloadProgress(Repo, File, DownloadStage.Downloading, 674_000_000, 1_348_000_000, 0));

        Assert.StartsWith("model_1250000.safetensors  [#####-----]  50%  674.0/1348.0 MB", text);
    }

    [Fact]
    public void OnALogEachTenthIsOneLine()
    {
        var log = new StringWriter();
        var bar = new ConsoleProgressBar(log, interactive: false, width: 10);

        bar.Report(new DownloadProgress(Repo, File, DownloadStage.Checking, 0, null, 0));
        for (long b = 0; b <= 1000; b += 10) bar.Report(new DownloadProgress(Repo, File, DownloadStage.Downloading, b, 1000, 0));
        bar.Report(new DownloadProgress(Repo, File, DownloadStage.Done, 1000, 1000, 0));
        bar.Report(new DownloadProgress(Repo, "F5TTS_v1_Base/vocab.txt", DownloadStage.Cached, 0, null, 0));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, lines.Length);
        Assert.Contains("[##########] 100%", lines[^2]);
        Assert.EndsWith("done", lines[^2].TrimEnd());
        Assert.Equal("SWivid/F5-TTS/F5TTS_v1_Base/vocab.txt: in the cache", lines[^1].TrimEnd());
    }
}
