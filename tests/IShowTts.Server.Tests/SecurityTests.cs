// Security: loopback by default; any other address needs API keys (Bearer, X-Api-Key or ?key=) with
// scopes, or an explicit insecure-LAN opt-out that is warned about at every start; secrets never reach
// the logs; an open loopback server refuses foreign Host names and cross-site writes; CORS is off unless
// configured.
using System.Net;
using System.Net.Http.Headers;
using IShowTts.Server.Security;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Tests;

public sealed class SecurityTests
{
    private static ServerOptions Public(string? dataDirectory = null) => TestServer.DefaultOptions(dataDirectory) with { Urls = ["http://0.0.0.0:0"] };

    [Fact]
    public async Task PublicAddressWithoutKeysRefusesToStartAndSaysWhatToDo()
    {
        var e = await Assert.ThrowsAsync<ServerStartException>(() => TestServer.StartAsync(Public()));
        Assert.Contains("0.0.0.0", e.Message);
        Assert.Contains("ishowtts keys create", e.Message);
        Assert.Contains("allow_insecure_lan = true", e.Message);
    }

    [Fact]
    public async Task UrlsFromTheCommandLineAreCheckedToo()
    {
        var e = await Assert.ThrowsAsync<ServerStartException>(() => TestServer.StartAsync(args: ["--urls", "http://0.0.0.0:0"]));
        Assert.Contains("ishowtts keys create", e.Message);
    }

    [Fact]
    public async Task InsecureLanOptOutStartsAndWarnsAtEveryStart()
    {
        var options = Public() with { AllowInsecureLan = true };
        for (int start = 0; start < 2; start++)
        {
            await using var server = await TestServer.StartAsync(options);
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("api/voices")).StatusCode);
            Assert.Contains(server.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("WITHOUT API keys"));
        }
    }

    [Fact]
    public async Task KeysAndScopesAreRequiredBeyondLoopback()
    {
        var options = Public();
        var store = new ApiKeyStore(options.DataDirectory);
        var speak = store.Create("overlay", [ApiScopes.Speak]).Secret;
        var admin = store.Create("owner", [ApiScopes.Admin]).Secret;
        await using var server = await TestServer.StartAsync(options);
        var voiceReference = $"api/voices/{TestServer.F5Voice}/reference";

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("health")).StatusCode);   // probes stay public
        var anonymous = await server.Http.GetAsync("api/voices");
        await Wire.AssertProblemAsync(anonymous, 401, "urn:ishowtts:problem:unauthorized");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        await Wire.AssertProblemAsync(await Send(server, HttpMethod.Get, "api/voices", "ist_wrong"), 401, "urn:ishowtts:problem:unauthorized");

        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Get, "api/voices", speak)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync($"api/tts/events?text=Hi.&key={Uri.EscapeDataString(speak)}")).StatusCode);
        var headerKey = new HttpRequestMessage(HttpMethod.Get, "v1/models");
        headerKey.Headers.Add("X-Api-Key", speak);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(headerKey)).StatusCode);

        var form = TestAudio.Form(("text", "A new transcript."));
        await Wire.AssertProblemAsync(await Send(server, HttpMethod.Post, voiceReference, speak, form), 403, "urn:ishowtts:problem:forbidden");
        await Wire.AssertProblemAsync(await Send(server, HttpMethod.Get, "metrics", speak), 403, "urn:ishowtts:problem:forbidden");
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Post, voiceReference, admin, TestAudio.Form(("text", "A new transcript.")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Get, "metrics", admin)).StatusCode);
    }

    [Fact]
    public async Task KeysFromTheConfigurationAndKeysCreatedWhileRunningWork()
    {
        var options = Public() with { ApiKeys = [new ConfiguredApiKey("bot", "configured-secret-123", ["speak"])] };
        await using var server = await TestServer.StartAsync(options);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Get, "api/voices", "configured-secret-123")).StatusCode);

        var store = new ApiKeyStore(options.DataDirectory);
        var created = store.Create("late", ["speak"]);
        await TestServer.WaitUntilAsync(() => Send(server, HttpMethod.Get, "api/voices", created.Secret).Result.StatusCode == HttpStatusCode.OK,
            "a key created by `ishowtts keys create` works", seconds: 5);
        Assert.True(store.Revoke("late"));
        await TestServer.WaitUntilAsync(() => Send(server, HttpMethod.Get, "api/voices", created.Secret).Result.StatusCode == HttpStatusCode.Unauthorized,
            "a revoked key stops working", seconds: 5);
    }

    [Fact]
    public async Task SecretsNeverReachTheLogs()
    {
        var options = Public() with { ApiKeys = [new ConfiguredApiKey("bot", "configured-secret-456", ["*"])] };
        var stored = new ApiKeyStore(options.DataDirectory).Create("overlay", ["speak"]).Secret;
        await using var server = await TestServer.StartAsync(options);
        await Send(server, HttpMethod.Get, "api/voices", "configured-secret-456");
        await server.Http.GetAsync($"api/voices?key={Uri.EscapeDataString(stored)}");
        await server.Http.GetAsync("api/voices?key=ist_a-wrong-guess");
        await server.Http.PostJsonAsync($"v1/audio/speech?key={Uri.EscapeDataString(stored)}", new { model = "tts-1", input = "", voice = "x" });

        var logs = server.Logs.All;
        Assert.Contains("(key bot)", logs);
        Assert.Contains("(key overlay)", logs);
        Assert.DoesNotContain("configured-secret-456", logs);
        Assert.DoesNotContain(stored, logs);
        Assert.DoesNotContain("ist_a-wrong-guess", logs);
        Assert.DoesNotContain("configured-secret-456", options.ToString());
    }

    [Fact]
    public async Task RequiringKeysOnLoopbackWithoutAnyRefusesToStart()
    {
        var e = await Assert.ThrowsAsync<ServerStartException>(() => TestServer.StartAsync(TestServer.DefaultOptions() with { RequireApiKeys = true }));
        Assert.Contains("ishowtts keys create", e.Message);
    }

    [Fact]
    public async Task OpenLoopbackServerRefusesForeignHostNames()
    {
        await using var server = await TestServer.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "api/voices");
        request.Headers.Host = "attacker.example";
        await Wire.AssertProblemAsync(await server.Http.SendAsync(request), 403, "urn:ishowtts:problem:foreign-host");
        var local = new HttpRequestMessage(HttpMethod.Get, "api/voices");
        local.Headers.Host = $"localhost:{server.BaseAddress.Port}";
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(local)).StatusCode);
    }

    [Fact]
    public async Task OpenServerRefusesWritesFromOtherSitesAndCorsIsOff()
    {
        await using var server = await TestServer.StartAsync();
        var url = $"api/voices/{TestServer.F5Voice}/reference";
        var crossSite = new HttpRequestMessage(HttpMethod.Post, url) { Content = TestAudio.Form(("text", "Hijacked.")) };
        crossSite.Headers.Add("Origin", "https://attacker.example");
        await Wire.AssertProblemAsync(await server.Http.SendAsync(crossSite), 403, "urn:ishowtts:problem:cross-origin-refused");
        server.Synthesizer.Voices.TryGet(TestServer.F5Voice, out var voice);
        Assert.Equal(TestServer.ReferenceText, voice.ReferenceText);

        var sameSite = new HttpRequestMessage(HttpMethod.Post, url) { Content = TestAudio.Form(("text", "From our own page.")) };
        sameSite.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(sameSite)).StatusCode);

        var preflight = new HttpRequestMessage(HttpMethod.Options, "v1/audio/speech");
        preflight.Headers.Add("Origin", "https://overlay.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.False((await server.Http.SendAsync(preflight)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ConfiguredOriginGetsCors()
    {
        await using var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { CorsOrigins = ["https://overlay.example"] });
        var preflight = new HttpRequestMessage(HttpMethod.Options, "v1/audio/speech");
        preflight.Headers.Add("Origin", "https://overlay.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var response = await server.Http.SendAsync(preflight);
        Assert.Equal("https://overlay.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var write = new HttpRequestMessage(HttpMethod.Post, $"api/voices/{TestServer.F5Voice}/reference") { Content = TestAudio.Form(("text", "From the overlay.")) };
        write.Headers.Add("Origin", "https://overlay.example");
        var written = await server.Http.SendAsync(write);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Contains("X-Request-Id", written.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    private static Task<HttpResponseMessage> Send(TestServer server, HttpMethod method, string url, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return server.Http.SendAsync(request);
    }
}
