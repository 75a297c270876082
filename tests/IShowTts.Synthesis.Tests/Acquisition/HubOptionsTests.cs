// The hub settings come from the variables the Python client reads, so mirrors and caches set up
// for it apply here too; a configured cache folder wins.
using IShowTts.Synthesis.Acquisition;

namespace IShowTts.Synthesis.Tests.Acquisition;

public sealed class HubOptionsTests
{
    [Fact]
    public void DefaultsAreTheHubAndTheUsersCache()
    {
        var options = HubOptions.FromEnvironment(new Dictionary<string, string?> { ["HOME"] = "/home/u" });

        Assert.Equal("https://huggingface.co", options.Endpoint);
        Assert.Equal("/home/u/.cache/huggingface/hub", options.CacheDirectory);
        Assert.False(options.Offline);
        Assert.Null(options.Token);
    }

    [Fact]
    public void EnvironmentVariablesOverrideInThePythonClientsOrder()
    {
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = "/home/u", ["XDG_CACHE_HOME"] = "/xdg", ["HF_ENDPOINT"] = "https://hf-mirror.com/", ["HF_TOKEN"] = "hf_x",
        };
        Assert.Equal("/xdg/huggingface/hub", HubOptions.FromEnvironment(env).CacheDirectory);
        Assert.Equal("https://hf-mirror.com", HubOptions.FromEnvironment(env).Endpoint);
        Assert.Equal("hf_x", HubOptions.FromEnvironment(env).Token);

        env["HF_HOME"] = "/hf";
        Assert.Equal("/hf/hub", HubOptions.FromEnvironment(env).CacheDirectory);
        env["HF_HUB_CACHE"] = "/cache";
        Assert.Equal("/cache", HubOptions.FromEnvironment(env).CacheDirectory);
        Assert.Equal("/configured", HubOptions.FromEnvironment(env, "/configured").CacheDirectory);
        Assert.Equal("/home/u/models", HubOptions.FromEnvironment(env, "~/models").CacheDirectory);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("ON", true)]
    [InlineData("yes", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void HfHubOfflineTakesThePythonClientsTruthyValues(string value, bool offline)
    {
        var env = new Dictionary<string, string?> { ["HOME"] = "/home/u", ["HF_HUB_OFFLINE"] = value };

        Assert.Equal(offline, HubOptions.FromEnvironment(env).Offline);
    }
}
