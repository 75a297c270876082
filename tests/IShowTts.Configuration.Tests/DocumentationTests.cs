// docs/configuration.md stays true: its example loads, and every key of the built-in defaults is
// documented there.
using System.Text.RegularExpressions;
using IShowTts.TestSupport;

namespace IShowTts.Configuration.Tests;

public sealed partial class DocumentationTests
{
    private static string Documentation() => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md"));

    [Fact]
    public void TheDocumentedExampleLoads()
    {
        using var dir = new TempConfigDirectory();
        var example = TomlBlock().Match(Documentation()).Groups[1].Value;
        dir.Clip("home/voices/me.wav");

        var (config, warnings) = ConfigurationLoader.Load(dir.Write("ishowtts.toml", example), dir.Environment(), []);

        Assert.Empty(warnings);
        Assert.Equal("me", config.DefaultVoice);
        Assert.Equal(Path.Combine(dir.Home, "voices", "me.wav"), Assert.Single(config.F5.Voices).ReferenceAudio);
        Assert.Equal(["my_channel"], config.Danmaku.Twitch.Channels);
    }

    [Fact]
    public void EveryDefaultKeyIsDocumented()
    {
        var documentation = Documentation();
        var keys = DefaultKey().Matches(ConfigurationLoader.DefaultText()).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(documentation.Contains($"{key}`") || documentation.Contains($"{key}]]`"), $"{key} is not documented"));
    }

    [GeneratedRegex("```toml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TomlBlock();

    [GeneratedRegex(@"^([a-z_]+) =", RegexOptions.Multiline)]
    private static partial Regex DefaultKey();
}
