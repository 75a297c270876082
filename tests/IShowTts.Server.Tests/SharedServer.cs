// One real server per test class (xunit class fixture): started before the first test, stopped after
// the last. Test classes that need other options start their own TestServer.
namespace IShowTts.Server.Tests;

public sealed class SharedServer : IAsyncLifetime
{
    private TestServer? _server;

    internal TestServer Server => _server ?? throw new InvalidOperationException("the server has not started");

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
