// `ishowtts quality` end to end, as an operator runs it, on the tiny golden checkpoint (plumbing: the
// tiny model's audio makes no quality claim): generate a blind session, list it, rate it from the CSV
// file, report preference shares with intervals and a verdict; wrong command lines and bad files say why.
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IShowTts.Ops.Quality;
using IShowTts.TestSupport;

namespace IShowTts.Cli.Tests;

public sealed class QualityCommandTests
{
    private static string ModelDir => Path.GetDirectoryName(Golden.Find("*_meta.json")[0])!;

    private static string ReferenceWav => Golden.Find("*.wav").OrderBy(f => new FileInfo(f).Length).First();

    private static string TempDir() => Directory.CreateTempSubdirectory("ishowtts-quality-cli-").FullName;

    private static CliProcess.Result Generate(string sessions, string session, string categories = "short,tech") =>
        CliProcess.RunIsolated("quality", "generate", "--model-dir", ModelDir, "--ref-audio", ReferenceWav, "--ref-text", "This is the reference.",
            "--device", "cpu", "--nfe", "3,2", "--categories", categories, "--languages", "en", "--seed", "5", "--order-seed", "3",
            "--session", session, "--sessions", sessions);

    private static void AssertOk(CliProcess.Result r) => Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\nstdout:\n{r.Stdout}\nstderr:\n{r.Stderr}");

    [Fact]
    public void GenerateRateAndReportASession()
    {
        var sessions = TempDir();

        var generated = Generate(sessions, "cli-test");

        AssertOk(generated);
        Assert.Contains("session cli-test: 4 trials, NFE 2 vs 3 (cli, f5)", generated.Stdout);
        Assert.Contains("/quality?session=cli-test", generated.Stdout);
        var store = new QualitySessionStore(sessions);
        var m = store.Open("cli-test");
        Assert.Equal([2, 3], m.Nfe);
        Assert.Equal(3, m.OrderSeed);
        Assert.Equal(["short-en-01", "short-en-02", "tech-en-03", "tech-en-04"], m.Items.Select(i => i.Id));
        Assert.All(m.Items, i => Assert.Equal([2, 3, 32], i.Samples.Select(s => s.Nfe)));
        Assert.All(m.Items, i => Assert.True(File.Exists(Path.Combine(sessions, "cli-test", i.Sample(32).File))));
        Assert.Equal(8, Directory.GetFiles(Path.Combine(sessions, "cli-test", "blind"), "trial-*.wav").Length);
        Assert.True(File.Exists(Path.Combine(sessions, "cli-test", QualitySessionStore.TemplateFile)));

        var listed = CliProcess.RunIsolated("quality", "list", "--sessions", sessions);
        AssertOk(listed);
        Assert.Contains("cli-test", listed.Stdout);
        Assert.Contains("NFE 2 vs 3", listed.Stdout);

        // Five listeners rate every trial by file: NFE 3 preferred in 16 of 20, NFE 2 in 2, no difference in 2.
        var csv = new StringBuilder(RatingsCsv.Header + "\n");
        for (int i = 0; i < 20; i++)
        {
            var t = m.Trials[i % 4];
            int? nfe = i < 16 ? 3 : i < 18 ? 2 : null;
            var choice = nfe is null ? "same" : t.NfeA == nfe ? "a" : "b";
            csv.Append($"{t.Trial},{choice},,,listener-{i / 4},\n");
        }
        var file = Path.Combine(TempDir(), "ratings.csv");
        File.WriteAllText(file, csv.ToString());
        var rated = CliProcess.RunIsolated("quality", "rate", "cli-test", "--sessions", sessions, "--file", file);
        AssertOk(rated);
        Assert.Contains("stored 20 ratings", rated.Stdout);

        var json = Path.Combine(TempDir(), "report.json");
        var report = CliProcess.RunIsolated("quality", "report", Path.Combine(sessions, "cli-test"), "--json", json);   // a folder works too

        AssertOk(report);
        var printed = Regex.Replace(report.Stdout, @"[ \t]+", " ");   // columns are padded; stdout is read as Latin-1, so no en dashes here
        Assert.Contains("20 ratings from 5 listeners", printed);
        Assert.Contains("prefer NFE 3 16 of 20 80.0 % (95 % interval 58.4", printed);
        Assert.Contains("91.9 %)", printed);
        Assert.Contains("prefer NFE 2 2 of 20 10.0 %", printed);
        Assert.Contains("mel distance to NFE 32", printed);
        Assert.Contains("verdict: keep_higher. Keep NFE 3", printed);
        var written = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("keep_higher", written.GetProperty("verdict").GetString());
        Assert.Equal(16, written.GetProperty("prefer_higher").GetProperty("count").GetInt32());
        Assert.Equal(["short", "tech"], written.GetProperty("by_category").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
    }

    [Fact]
    public void ADryRunWithTheSystemVoiceSaysItComparesNothing()
    {
        if (!new IShowTts.Synthesis.Engines.Espeak.EspeakEngine().Status.Ready)
            Assert.Skip("libespeak-ng is not installed (Debian packages libespeak-ng1 espeak-ng-data)");
        var sessions = TempDir();

        var r = CliProcess.RunIsolated("quality", "generate", "--voice", "espeak-en", "--nfe", "6,7", "--categories", "short", "--languages", "en",
            "--sessions", sessions);

        AssertOk(r);
        Assert.Contains("not a quality comparison", r.Stdout);
        var id = Assert.Single(new QualitySessionStore(sessions).List()).Id;
        Assert.Matches(@"^\d{8}-\d{6}-espeak-en-nfe6-vs-7$", id);
    }

    [Fact]
    public void BadRatingsFilesAreReportedLineByLineAndStoreNothing()
    {
        var sessions = TempDir();
        AssertOk(Generate(sessions, "bad-csv", categories: "short"));
        var file = Path.Combine(TempDir(), "ratings.csv");
        File.WriteAllText(file, "trial,choice,score_a,score_b,listener,comment\n1,a,,,ana,\n2,maybe,,,ana,\n7,a,,,ana,\n");

        var r = CliProcess.RunIsolated("quality", "rate", "bad-csv", "--sessions", sessions, "--file", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{file}:3: choice must be a, b or same (got 'maybe')", r.Stderr);
        Assert.Contains($"{file}:4: trial 7 does not exist", r.Stderr);
        Assert.Empty(new QualitySessionStore(sessions).Ratings("bad-csv"));
    }

    [Fact]
    public void AnUnknownSessionIsNamed()
    {
        var r = CliProcess.RunIsolated("quality", "report", "no-such-session", "--sessions", TempDir());
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no quality session 'no-such-session'", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Theory]
    [InlineData("quality")]
    [InlineData("quality", "frobnicate")]
    [InlineData("quality", "generate", "--random-weights", "--ref-audio", "x.wav", "--ref-text", "x", "--nfe", "6")]
    [InlineData("quality", "generate", "--random-weights", "--ref-audio", "x.wav", "--ref-text", "x", "--nfe", "6,6")]
    [InlineData("quality", "generate", "--random-weights", "--ref-audio", "x.wav", "--ref-text", "x", "--categories", "poetry")]
    [InlineData("quality", "generate", "--random-weights")]
    [InlineData("quality", "report")]
    public void WrongCommandLinesPrintUsageAndExitTwo(params string[] args)
    {
        var r = CliProcess.RunIsolated(args);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        Assert.Contains("usage:", r.Stderr + r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
