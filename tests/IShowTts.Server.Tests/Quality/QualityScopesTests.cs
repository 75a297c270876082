// Who may do what when keys are required (a public address): listening and rating need the speak scope
// (the audio also takes ?key=, as an <audio> element cannot send headers); the report needs admin, so
// listeners are not shown the running result.
using System.Net;
using System.Net.Http.Headers;
using IShowTts.Server.Security;

namespace IShowTts.Server.Tests.Quality;

public sealed class QualityScopesTests
{
    [Fact]
    public async Task ListeningAndRatingNeedSpeakAndTheReportNeedsAdmin()
    {
        var options = TestServer.DefaultOptions() with { Urls = ["http://0.0.0.0:0"] };
        var store = new ApiKeyStore(options.DataDirectory);
        var speak = store.Create("listener", [ApiScopes.Speak]).Secret;
        var admin = store.Create("owner", [ApiScopes.Admin]).Secret;
        await using var server = await TestServer.StartAsync(options);
        await QualitySessions.GenerateAsync(server, "scoped", QualitySessions.Sentences[..1], seed: 1);

        async Task<HttpStatusCode> Send(HttpMethod method, string url, string? key, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await server.Http.SendAsync(request);
            return response.StatusCode;
        }
        string[] listening = ["api/quality/sessions", "api/quality/sessions/scoped", "api/quality/sessions/scoped/trials/1/audio/a", "api/quality/sessions/scoped/ratings"];

        foreach (var url in listening.Append("api/quality/sessions/scoped/report"))
            Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, url, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Post, "api/quality/sessions/scoped/ratings", null, Wire.Json(new { trial = 1, choice = "a", listener = "ana" })));
        foreach (var url in listening)
            Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, url, speak));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, $"api/quality/sessions/scoped/trials/1/audio/b?key={Uri.EscapeDataString(speak)}", null));
        Assert.Equal(HttpStatusCode.Created, await Send(HttpMethod.Post, "api/quality/sessions/scoped/ratings", speak, Wire.Json(new { trial = 1, choice = "a", listener = "ana" })));
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Get, "api/quality/sessions/scoped/report", speak));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "api/quality/sessions/scoped/report", admin));
    }
}
