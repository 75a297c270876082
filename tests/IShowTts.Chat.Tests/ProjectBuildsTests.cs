namespace IShowTts.Chat.Tests;

public sealed class ProjectBuildsTests
{
    [Fact]
    public void AssemblyLoads() => Assert.Equal("IShowTts.Chat", typeof(ProjectBuildsTests).Assembly.GetReferencedAssemblies().Select(a => a.Name).First(n => n == "IShowTts.Chat"));
}
