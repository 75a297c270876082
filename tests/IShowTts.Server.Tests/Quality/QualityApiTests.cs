// The Quality API over real HTTP (docs/operations.md, "Quality API"): sessions made for real with the
// tiny F5 checkpoint are listed, opened as blind trials, listened to by trial and side, rated and
// reported. Blindness: nothing a listener receives names a sample file or says which side is which NFE,
// and the manifest is never served. Bad input is a 400 problem that says what to fix; unknown sessions,
// trials and sides are 404s, and no id reaches outside the sessions folder.
using System.Net;
using System.Text;
using System.Text.Json;
using IShowTts.Ops.Quality;
using IShowTts.Ops.Statistics;

namespace IShowTts.Server.Tests.Quality;

public sealed class QualityApiTests(QualitySessions sessions) : IClassFixture<QualitySessions>
{
    private TestServer Server => sessions.Server;

    private static string Folder(TestServer server, string id) => Path.Combine(QualitySessionStore.DefaultRoot(server.Options.DataDirectory), id);

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url)
    {
        var response = await Server.Http.GetAsync(url);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var (response, body) = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        AssertBlind(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>What a listener receives never names a sample file, an item or which NFE a side is.</summary>
    private static void AssertBlind(string body)
    {
        foreach (var secret in new[] { "nfe-", "nfe_a", "nfe_b", "samples/", "blind/", "item_id", "short-en-", "manifest", "order_seed" })
            Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' leaked in: {body}");
    }

    private Task<HttpResponseMessage> RateAsync(string session, object body) => Server.Http.PostAsync($"api/quality/sessions/{session}/ratings", Wire.Json(body));

    [Fact]
    public async Task SessionsAreListedNewestFirstWithTheirCounts()
    {
        var list = await GetJsonAsync("api/quality/sessions");

        Assert.Equal(["report", "newer", "older"], list.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var newer = list[1];
        Assert.Equal(TestServer.F5Voice, newer.GetProperty("voice_id").GetString());
        Assert.Equal([2, 3], newer.GetProperty("nfe").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal(["short", "tech", "stream", "emotion"], newer.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(4, newer.GetProperty("trials").GetInt32());
        Assert.True(newer.GetProperty("created_at").GetDateTimeOffset() > list[2].GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Array, newer.GetProperty("listeners").ValueKind);
        Assert.True(newer.GetProperty("ratings").GetInt32() >= 0);
    }

    [Fact]
    public async Task ASessionShowsItsTrialsInTheBlindOrderAndNothingMore()
    {
        var m = sessions.Newer;

        var session = await GetJsonAsync("api/quality/sessions/newer");

        Assert.Equal("newer", session.GetProperty("id").GetString());
        Assert.Equal([2, 3], session.GetProperty("nfe").EnumerateArray().Select(n => n.GetInt32()));
        var trials = session.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(m.Trials.Select(t => t.Trial), trials.Select(t => t.GetProperty("trial").GetInt32()));
        foreach (var (trial, view) in m.Trials.Zip(trials))
        {
            Assert.Equal(["trial", "category", "language", "text", "audio_a", "audio_b"], view.EnumerateObject().Select(p => p.Name));
            var item = m.Item(trial.ItemId);
            Assert.Equal((item.Category, item.Language, item.Text),
                (view.GetProperty("category").GetString(), view.GetProperty("language").GetString(), view.GetProperty("text").GetString()));
            Assert.Equal($"/api/quality/sessions/newer/trials/{trial.Trial}/audio/a", view.GetProperty("audio_a").GetString());
            Assert.Equal($"/api/quality/sessions/newer/trials/{trial.Trial}/audio/b", view.GetProperty("audio_b").GetString());
        }
    }

    [Fact]
    public async Task EachSideIsTheRightSampleServedWithoutAFileNameOrValidators()
    {
        var m = sessions.Newer;
        foreach (var trial in m.Trials)
        {
            var sides = new Dictionary<string, byte[]>();
            foreach (var side in new[] { "a", "b" })
            {
                using var response = await Server.Http.GetAsync($"api/quality/sessions/newer/trials/{trial.Trial}/audio/{side}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
                Assert.Null(response.Content.Headers.ContentDisposition);
                Assert.Null(response.Headers.ETag);
                Assert.Null(response.Content.Headers.LastModified);
                Assert.True(response.Headers.CacheControl?.NoStore, "audio must not be cached under a guessable key");
                AssertBlind(string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
                sides[side] = await response.Content.ReadAsByteArrayAsync();
                var expected = File.ReadAllBytes(Path.Combine(Folder(Server, "newer"), m.Item(trial.ItemId).Sample(trial.NfeOf(side)).File));
                Assert.Equal(expected, sides[side]);
                var clip = Wire.DecodeAudio(sides[side]);
                Assert.Equal(24000, clip.SampleRate);
                Assert.True(clip.Seconds > 0.1, $"trial {trial.Trial} side {side} is {clip.Seconds} s");
            }
            Assert.NotEqual(sides["a"], sides["b"]);
        }
    }

    [Fact]
    public async Task AudioCanBeFetchedByRangeForSeeking()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/quality/sessions/older/trials/1/audio/b");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 43);
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var header = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(44, header.Length);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(header, 0, 4));
    }

    [Fact]
    public async Task ARatingIsStoredAndTheSameListenerRatingAgainReplacesIt()
    {
        using var created = await RateAsync("newer", new { trial = 2, choice = "a", score_a = 4, score_b = 3, listener = "ana", comment = "b has a click at the end" });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("/api/quality/sessions/newer/ratings?listener=ana", created.Headers.Location?.OriginalString);
        var rating = JsonDocument.Parse(body).RootElement;
        Assert.Equal((2, "a", 4, 3, "ana", "b has a click at the end"), (rating.GetProperty("trial").GetInt32(), rating.GetProperty("choice").GetString(),
            rating.GetProperty("score_a").GetInt32(), rating.GetProperty("score_b").GetInt32(), rating.GetProperty("listener").GetString(),
            rating.GetProperty("comment").GetString()));
        Assert.True(DateTimeOffset.UtcNow - rating.GetProperty("rated_at").GetDateTimeOffset() < TimeSpan.FromMinutes(1));

        using var again = await RateAsync("newer", new { trial = 2, choice = "SAME", listener = " ana " });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        using var other = await RateAsync("newer", new { trial = 2, choice = "b", listener = "bo" });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        var ana = await GetJsonAsync("api/quality/sessions/newer/ratings?listener=ana");
        var only = Assert.Single(ana.EnumerateArray());
        Assert.Equal("same", only.GetProperty("choice").GetString());
        Assert.False(only.TryGetProperty("score_a", out _), "the replacement has no scores");
        var all = await GetJsonAsync("api/quality/sessions/newer/ratings");
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("listener").GetString() == "bo" && r.GetProperty("trial").GetInt32() == 2);
        var summary = (await GetJsonAsync("api/quality/sessions")).EnumerateArray().Single(s => s.GetProperty("id").GetString() == "newer");
        Assert.Contains("ana", summary.GetProperty("listeners").EnumerateArray().Select(l => l.GetString()));
        var stored = File.ReadAllText(Path.Combine(Folder(Server, "newer"), QualitySessionStore.RatingsFile));
        Assert.Contains("\"listener\": \"bo\"", stored);
    }

    [Theory]
    [InlineData("{}", "'trial' is required")]
    [InlineData("""{"trial":1,"listener":"ana"}""", "'choice' is required")]
    [InlineData("""{"trial":1,"choice":"c","listener":"ana"}""", "choice must be a, b or same (got 'c')")]
    [InlineData("""{"trial":1,"choice":"a","score_a":0,"listener":"ana"}""", "scores are whole numbers from 1 to 5")]
    [InlineData("""{"trial":1,"choice":"a","score_b":6,"listener":"ana"}""", "scores are whole numbers from 1 to 5")]
    [InlineData("""{"trial":1,"choice":"a"}""", "listener is required")]
    [InlineData("""{"trial":1,"choice":"a","listener":"   "}""", "listener is required")]
    [InlineData("""{"trial":1,"choice":"a","listener":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}""", "1–64 characters")]
    [InlineData("""{"trial":"one","choice":"a","listener":"ana"}""", "not valid JSON")]
    [InlineData("""{"trial":1,"choice":"a","score_a":3.5,"listener":"ana"}""", "not valid JSON")]
    [InlineData("""{"trial":1,""", "not valid JSON")]
    [InlineData("null", "send a JSON object")]
    public async Task InvalidRatingsAreRefusedWithWhatToFix(string json, string detail)
    {
        using var response = await Server.Http.PostAsync("api/quality/sessions/older/ratings", new StringContent(json, Encoding.UTF8, "application/json"));
        await Wire.AssertProblemAsync(response, 400, "urn:ishowtts:problem:invalid-request");
        var problem = await Wire.ReadJsonAsync(response);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.Empty((await GetJsonAsync("api/quality/sessions/older/ratings")).EnumerateArray());
    }

    [Fact]
    public async Task ALongCommentAndANonJsonBodyAreRefused()
    {
        using var tooLong = await RateAsync("older", new { trial = 1, choice = "a", listener = "ana", comment = new string('x', 501) });
        await Wire.AssertProblemAsync(tooLong, 400, "urn:ishowtts:problem:invalid-request");
        Assert.Contains("500 characters", (await Wire.ReadJsonAsync(tooLong)).GetProperty("detail").GetString());
        using var text = await Server.Http.PostAsync("api/quality/sessions/older/ratings", new StringContent("trial=1", Encoding.UTF8, "text/plain"));
        await Wire.AssertProblemAsync(text, 415, "urn:ishowtts:problem:unsupported-media-type");
        Assert.Empty((await GetJsonAsync("api/quality/sessions/older/ratings")).EnumerateArray());
    }

    [Theory]
    [InlineData("GET", "api/quality/sessions/nope")]
    [InlineData("GET", "api/quality/sessions/nope/ratings")]
    [InlineData("POST", "api/quality/sessions/nope/ratings")]
    [InlineData("GET", "api/quality/sessions/nope/report")]
    [InlineData("GET", "api/quality/sessions/nope/trials/1/audio/a")]
    [InlineData("GET", "api/quality/sessions/older/trials/0/audio/a")]
    [InlineData("GET", "api/quality/sessions/older/trials/3/audio/a")]
    [InlineData("GET", "api/quality/sessions/older/trials/x/audio/a")]
    [InlineData("GET", "api/quality/sessions/older/trials/-1/audio/a")]
    [InlineData("GET", "api/quality/sessions/older/trials/1/audio/c")]
    [InlineData("GET", "api/quality/sessions/older/trials/1/audio/A")]
    [InlineData("GET", "api/quality/sessions/older/trials/1/audio/a.wav")]
    public async Task UnknownSessionsTrialsAndSidesAre404(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "POST" ? Wire.Json(new { trial = 1, choice = "a", listener = "ana" }) : null,
        };
        using var response = await Server.Http.SendAsync(request);
        await Wire.AssertProblemAsync(response, 404, "urn:ishowtts:problem:not-found");
        AssertBlind(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RatingATrialTheSessionDoesNotHaveIs404()
    {
        using var response = await RateAsync("older", new { trial = 99, choice = "a", listener = "ana" });
        await Wire.AssertProblemAsync(response, 404, "urn:ishowtts:problem:not-found");
        Assert.Contains("trials 1–2", (await Wire.ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("api/quality/sessions/%2E%2E")]
    [InlineData("api/quality/sessions/%2E%2E/report")]
    [InlineData("api/quality/sessions/..%2F..%2F/report")]
    [InlineData("api/quality/sessions/%2E%2E%2Fquality%2Fnewer")]
    [InlineData("api/quality/sessions/.newer")]
    [InlineData("api/quality/sessions/newer%2F..%2F..%2Fdecoy")]
    [InlineData("api/quality/sessions/..%5C..%5Cdecoy")]
    [InlineData("api/quality/sessions/decoy%00")]
    [InlineData("api/quality/sessions/newer/trials/1%2F..%2F..%2Fmanifest.json/audio/a")]
    public async Task IdsCannotReachOutsideTheSessionsFolder(string path)
    {
        // A decoy session beside the sessions folder: reaching it would need "..".
        var decoy = sessions.Older with { Id = "decoy", VoiceId = "DECOY-VOICE" };
        IShowTts.Ops.Files.OpsJson.Write(Path.Combine(Server.Options.DataDirectory, "decoy", QualitySessionStore.ManifestFile), decoy);
        IShowTts.Ops.Files.OpsJson.Write(Path.Combine(Server.Options.DataDirectory, QualitySessionStore.ManifestFile), decoy);
        var url = new Uri(Server.BaseAddress + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        using var response = await Server.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        // 404, or Kestrel's own 400 for a path it will not decode (an encoded NUL).
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("DECOY-VOICE", body);
        Assert.DoesNotContain("ishowtts-quality/1", body);
        Assert.DoesNotContain("nfe_a", body);
    }

    [Theory]
    [InlineData("api/quality/sessions/newer/manifest.json")]
    [InlineData("api/quality/sessions/newer/manifest")]
    [InlineData("api/quality/sessions/newer/samples/short-en-01/nfe-2.wav")]
    [InlineData("api/quality/sessions/newer/blind/trial-001-a.wav")]
    [InlineData("quality/newer/manifest.json")]
    [InlineData("newer/manifest.json")]
    [InlineData("manifest.json")]
    public async Task TheManifestAndSampleFilesAreNeverServed(string path)
    {
        using var response = await Server.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("ishowtts-quality/1", body);
    }

    [Fact]
    public async Task TheReportCountsOneRatingPerListenerAndTrialAndDecides()
    {
        var m = sessions.ForReport;
        // Five listeners rate all four trials (20 ratings); they prefer NFE 3 in 16, NFE 2 in 2, hear no difference in 2.
        var wanted = new List<(string Listener, int Trial, int? Nfe)>();
        for (int i = 0; i < 20; i++)
            wanted.Add(($"listener-{i / 4}", i % 4 + 1, i < 16 ? 3 : i < 18 ? 2 : null));
        foreach (var (listener, trial, nfe) in wanted.Prepend(("listener-0", 1, 2)))   // listener-0 first chose NFE 2 in trial 1, then changed to 3
        {
            var t = m.Trial(trial)!;
            var choice = nfe is null ? "same" : t.NfeA == nfe ? "a" : "b";
            int? scoreA = t.NfeA == 3 ? 5 : 3, scoreB = t.NfeB == 3 ? 5 : 3;
            using var response = await RateAsync("report", new { trial, choice, score_a = scoreA, score_b = scoreB, listener });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var report = await GetJsonAsync("api/quality/sessions/report/report");

        Assert.Equal(("report", 2, 3, 20, 5), (report.GetProperty("session_id").GetString(), report.GetProperty("lower_nfe").GetInt32(),
            report.GetProperty("higher_nfe").GetInt32(), report.GetProperty("ratings").GetInt32(), report.GetProperty("listeners").GetInt32()));
        AssertShare(report.GetProperty("prefer_higher"), ProportionInterval.Wilson(16, 20));
        AssertShare(report.GetProperty("prefer_lower"), ProportionInterval.Wilson(2, 20));
        AssertShare(report.GetProperty("same"), ProportionInterval.Wilson(2, 20));
        AssertShare(report.GetProperty("higher_among_decided"), ProportionInterval.Wilson(16, 18));
        Assert.Equal(3.0, report.GetProperty("mean_score_lower").GetDouble());
        Assert.Equal(5.0, report.GetProperty("mean_score_higher").GetDouble());
        Assert.Equal("keep_higher", report.GetProperty("verdict").GetString());
        Assert.StartsWith("Keep NFE 3", report.GetProperty("recommendation").GetString());
        var byCategory = report.GetProperty("by_category").EnumerateArray().ToList();
        Assert.Equal(["short", "emotion", "tech", "stream"], byCategory.Select(c => c.GetProperty("category").GetString()));
        Assert.All(byCategory, c => Assert.Equal(5, c.GetProperty("ratings").GetInt32()));
        Assert.Equal(20, byCategory.Sum(c => c.GetProperty("prefer_lower").GetInt32() + c.GetProperty("prefer_higher").GetInt32() + c.GetProperty("same").GetInt32()));
        var objective = report.GetProperty("objective").EnumerateArray().ToList();
        Assert.Equal([2, 3, 32], objective.Select(o => o.GetProperty("nfe").GetInt32()));
        Assert.Equal(0.0, objective[2].GetProperty("mean_mel_distance").GetDouble());
        Assert.True(objective[0].GetProperty("mean_mel_distance").GetDouble() > 0);
        Assert.True(objective[0].GetProperty("mean_duration_seconds").GetDouble() > 0.1);
    }

    private static void AssertShare(JsonElement share, ProportionInterval expected)
    {
        Assert.Equal(expected.Count, share.GetProperty("count").GetInt32());
        Assert.Equal(expected.Total, share.GetProperty("total").GetInt32());
        Assert.Equal(expected.Share, share.GetProperty("share").GetDouble(), 12);
        Assert.Equal(expected.Low, share.GetProperty("low").GetDouble(), 12);
        Assert.Equal(expected.High, share.GetProperty("high").GetDouble(), 12);
    }

    [Fact]
    public async Task ConcurrentRatingsAreAllKept()
    {
        var posts = Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await RateAsync("newer", new { trial = i % 4 + 1, choice = "b", listener = $"crowd-{i:D2}" });
            return response.StatusCode;
        });

        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var all = await GetJsonAsync("api/quality/sessions/newer/ratings");
        Assert.Equal(40, all.EnumerateArray().Count(r => r.GetProperty("listener").GetString()!.StartsWith("crowd-", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(Folder(Server, "newer"), "*.tmp"));
    }

    [Fact]
    public async Task TheRoutesAreInTheOpenApiDocument()
    {
        var doc = JsonDocument.Parse(await Server.Http.GetStringAsync("openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var p in new[] { "/api/quality/sessions", "/api/quality/sessions/{id}", "/api/quality/sessions/{id}/trials/{trial}/audio/{side}",
                     "/api/quality/sessions/{id}/ratings", "/api/quality/sessions/{id}/report" })
            Assert.Contains(p, paths);
        Assert.True(doc.GetProperty("components").GetProperty("schemas").GetProperty("QualityRatingRequest").GetProperty("properties").TryGetProperty("score_a", out _));
    }
}
