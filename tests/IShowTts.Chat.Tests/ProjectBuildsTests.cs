namespace IShowTts.Chat.Tests;

public sealed class ProjectBuildsTests
{
    [Fact]
    public void AssemblyLoads() => Assert.Equal("IShowTts.Chat", typeof(IShowTts.Chat.AssemblyMarker).Assembly.GetName().Name);
}
