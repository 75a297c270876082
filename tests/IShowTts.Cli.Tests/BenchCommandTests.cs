// `ishowtts bench` as an operator runs it: a short real bench of the tiny golden checkpoint on the CPU
// (stored, appended to the history, compared, drawn), stored results compared with each other (exit 3 on
// a regression), and the command-line errors (exit 2).
using System.Text.Json;
using System.Xml.Linq;
using IShowTts.Ops.Bench;
using IShowTts.Ops.Files;
using IShowTts.Ops.Machine;
using IShowTts.TestSupport;

namespace IShowTts.Cli.Tests;

public sealed class BenchCommandTests
{
    private static string TinyModel => Golden.PathOf("f5-tiny");

    /// <summary>A stored NFE 7 result whose five runs sit at median seconds ±1 %, split 10 / 80 / 10 into phases.</summary>
    private static BenchRecord Stored(double median, string workload = "W1", int nfe = 7)
    {
        var runs = new[] { -1.0, -0.5, 0, 0.5, 1 }.Select(u => median * (1 + 0.0126 * u)).ToArray();
        var phases = new Dictionary<string, IReadOnlyList<double>>
        {
            ["mel"] = runs.Select(r => r * 0.1).ToArray(), ["steps"] = runs.Select(r => r * 0.8).ToArray(), ["vocoder"] = runs.Select(r => r * 0.1).ToArray(),
        };
        var machine = new MachineFacts("host", "Linux", ".NET 10", "CPU", 2, 8L << 30, "abc", null, null, null, "no driver");
        return new BenchRecord(BenchRecord.CurrentSchema, DateTimeOffset.UtcNow, workload, "random", "cpu", "CPU (2 cores)", "", 1, null, machine,
            [new BenchNfeResult(nfe, 4.149, runs, phases, null, 1L << 30, "process_peak_resident")]);
    }

    [Fact]
    public void ComparingTwoStoredResultsExitsThreeOnARegression()
    {
        using var dir = new TempDirectory();
        OpsJson.Write(dir.File("a.json"), Stored(0.400));
        OpsJson.Write(dir.File("b.json"), Stored(0.480));

        var r = CliProcess.Run("bench", "--compare", dir.File("a.json"), "--current", dir.File("b.json"));

        Assert.True(r.ExitCode == 3, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}");
        Assert.Matches(@"7\s+total\s+400\.0 ms\s+480\.0 ms\s+\+20\.0 %\s+10\.0 %\s+REGRESSION", r.Text);
        Assert.Matches(@"7\s+steps\s+320\.0 ms\s+384\.0 ms\s+\+20\.0 %\s+10\.0 %\s+REGRESSION", r.Text);
        Assert.Contains("REGRESSION: slower than the baseline", r.Text);
    }

    [Fact]
    public void ComparingWithinTheThresholdExitsZero()
    {
        using var dir = new TempDirectory();
        OpsJson.Write(dir.File("a.json"), Stored(0.400));
        OpsJson.Write(dir.File("b.json"), Stored(0.420));

        var r = CliProcess.Run("bench", "--compare", dir.File("a.json"), "--current", dir.File("b.json"));
        var strict = CliProcess.Run("bench", "--compare", dir.File("a.json"), "--current", dir.File("b.json"), "--threshold", "3");

        Assert.True(r.ExitCode == 0, r.Text + r.Stderr);
        Assert.Contains("no regression", r.Text);
        Assert.Equal(3, strict.ExitCode);
    }

    [Fact]
    public void ComparingDifferentWorkloadsOrAFileThatIsNoResultExitsOne()
    {
        using var dir = new TempDirectory();
        OpsJson.Write(dir.File("w1.json"), Stored(0.400));
        OpsJson.Write(dir.File("voice.json"), Stored(0.400, workload: "voice:streamer"));
        File.WriteAllText(dir.File("junk.json"), "{\"hello\": 1}");

        var workloads = CliProcess.Run("bench", "--compare", dir.File("w1.json"), "--current", dir.File("voice.json"));
        var junk = CliProcess.Run("bench", "--compare", dir.File("junk.json"), "--current", dir.File("w1.json"));

        Assert.Equal(1, workloads.ExitCode);
        Assert.Contains("not comparable", workloads.Stderr);
        Assert.Equal(1, junk.ExitCode);
        Assert.Contains("junk.json is not a bench result", junk.Stderr);
        Assert.DoesNotContain("   at ", junk.Stderr);
    }

    [Fact]
    public void TimeToFirstAudioIsMeasuredWhenStreamingIsAsked()
    {
        using var dir = new TempDirectory();
        string result = dir.File("ttfa.json");

        var r = CliProcess.Run("bench", "--model-dir", TinyModel, "--device", "cpu", "--nfe", "2", "--runs", "1", "--warmup", "0",
            "--no-diagnostics", "--ttfa", "--json", result, "--no-history");

        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}");
        // The "1st audio" column holds a time instead of the dash printed without --ttfa.
        Assert.Matches(@"\n  2\s+1\s+[\d.]+ m?s\s+[\d.]+ m?s\s+[\d.]+ m?s\s+±[\d.]+ %\s+[\d.]+\s+[\d.]+×\s+[\d.]+ m?s\s+\d+ MiB\n", r.Text);
        Assert.Contains("time to first audio", r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(result));
        var first = doc.RootElement.GetProperty("results")[0].GetProperty("first_audio_seconds").GetDouble();
        Assert.InRange(first, 1e-4, 600);
    }

    [Fact]
    public void ATinyBenchIsStoredAppendedComparedAndDrawn()
    {
        using var dir = new TempDirectory();
        string result = dir.File("result.json"), history = dir.File("history.jsonl"), svg = dir.File("trend.svg");

        var first = CliProcess.Run("bench", "--model-dir", TinyModel, "--device", "cpu", "--nfe", "2", "--runs", "3", "--warmup", "1",
            "--no-diagnostics", "--target-rtf", "100", "--json", result, "--history", history);

        Assert.True(first.ExitCode == 0, $"exit {first.ExitCode}\n{first.Text}\n{first.Stderr}");
        Assert.Matches(@"\n  2\s+3\s+[\d.]+ m?s\s+[\d.]+ m?s\s+[\d.]+ m?s\s+±[\d.]+ %\s+[\d.]+\s+[\d.]+×\s+–\s+\d+ MiB\n", first.Text);
        Assert.Matches(@"outside them \d\.\d\d ms", first.Text); // two decimals: under 10 ms; the bench times the synthesis, not its set-up
        Assert.Contains("NFE 2 phases (median): mel", first.Text);
        Assert.Contains("PASS: mean RTF ≤ 100 at every NFE", first.Text);
        Assert.Contains("run 3/3", first.Stderr); // the progress bar
        using (var doc = JsonDocument.Parse(File.ReadAllText(result)))
        {
            var root = doc.RootElement;
            Assert.Equal("W1", root.GetProperty("workload").GetString());
            Assert.Equal(TinyModel, root.GetProperty("weights").GetString());
            Assert.Equal(3, root.GetProperty("results")[0].GetProperty("seconds").GetArrayLength());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("machine").GetProperty("commit").GetString()));
            Assert.True(root.GetProperty("machine").GetProperty("logical_cores").GetInt32() > 0);
        }
        Assert.Single(File.ReadAllLines(history));

        // The next day: compared with the first as its baseline, against a target it cannot meet.
        var second = CliProcess.Run("bench", "--model-dir", TinyModel, "--device", "cpu", "--nfe", "2", "--runs", "3", "--warmup", "1",
            "--no-diagnostics", "--target-rtf", "0.000001", "--compare", result, "--threshold", "1000", "--json", dir.File("second.json"), "--history", history);

        Assert.True(second.ExitCode == 4, $"exit {second.ExitCode}\n{second.Text}\n{second.Stderr}");
        Assert.Contains("FAIL: mean RTF above 1E-06 at NFE 2", second.Text);
        Assert.Contains("compared with the baseline", second.Text);
        Assert.Contains("no regression", second.Text);
        Assert.Equal(2, File.ReadAllLines(history).Length);

        var trend = CliProcess.Run("bench", "history", "--history", history, "--svg", svg);

        Assert.True(trend.ExitCode == 0, trend.Stderr);
        Assert.Equal(2, trend.Text.Split('\n').Count(l => l.Contains("W1 on CPU", StringComparison.Ordinal)));
        Assert.Contains("trend W1 NFE 2 on CPU", trend.Text);
        Assert.Single(XDocument.Parse(File.ReadAllText(svg)).Descendants(XName.Get("polyline", "http://www.w3.org/2000/svg")));
    }

    [Fact]
    public void HistoryOfAMissingFileSaysHowToStartOne()
    {
        using var dir = new TempDirectory();
        var r = CliProcess.Run("bench", "history", "--history", dir.File("none.jsonl"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ishowtts bench … --json FILE", r.Stderr);
    }

    [Theory]
    [InlineData("bench", "--current", "b.json")]
    [InlineData("bench", "--random-weights", "--model-dir", "d")]
    [InlineData("bench", "--nfe", "0")]
    [InlineData("bench", "--nfe", "7,x")]
    [InlineData("bench", "--runs", "0")]
    [InlineData("bench", "--threshold", "-5", "--compare", "a.json", "--current", "b.json")]
    [InlineData("bench", "--target-rtf", "fast")]
    [InlineData("bench", "--frobnicate")]
    [InlineData("bench", "compare")]
    [InlineData("bench", "history", "extra")]
    [InlineData("bench", "history", "--nfe", "0")]
    [InlineData("profile", "--nfe", "abc")]
    [InlineData("profile", "--random-weights", "--model-dir", "d")]
    [InlineData("profile", "--bogus")]
    [InlineData("doctor", "--bogus")]
    [InlineData("doctor", "now")]
    public void AWrongCommandLinePrintsUsageAndExitsTwo(params string[] args)
    {
        var r = CliProcess.RunIsolated(args);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}");
        Assert.Contains($"usage: ishowtts {args[0]}", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
