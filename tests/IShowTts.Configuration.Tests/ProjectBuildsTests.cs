namespace IShowTts.Configuration.Tests;

public sealed class ProjectBuildsTests
{
    [Fact]
    public void AssemblyLoads() => Assert.Equal("IShowTts.Configuration", typeof(IShowTts.Configuration.AssemblyMarker).Assembly.GetName().Name);
}
