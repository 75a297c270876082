namespace IShowTts.Configuration.Tests;

public sealed class ProjectBuildsTests
{
    [Fact]
    public void AssemblyLoads() => Assert.Equal("IShowTts.Configuration", typeof(ProjectBuildsTests).Assembly.GetReferencedAssemblies().Select(a => a.Name).First(n => n == "IShowTts.Configuration"));
}
