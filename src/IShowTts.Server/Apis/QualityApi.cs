// Quality A/B listening (docs/operations.md, "Quality API"): the sessions `ishowtts quality generate`
// wrote under <data_dir>/quality, their blind trials, the audio of a trial by side, ratings in and out,
// and the report (admin). Blind by construction: the manifest is never served, audio is addressed by
// trial and side only and goes out without a file name or file-derived validators. Never synthesises.
using IShowTts.Ops;
using IShowTts.Ops.Quality;
using IShowTts.Server.Contracts;
using IShowTts.Server.Problems;
using IShowTts.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IShowTts.Server.Apis;

internal static class QualityApi
{
    public static RouteGroupBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/quality/sessions").WithTags("Quality");
        api.MapGet("", ListSessions).RequireScope(ApiScopes.Speak).WithName("ListQualitySessions")
            .WithSummary("The listening sessions made by `ishowtts quality generate`, newest first.");
        api.MapGet("/{id}", GetSession).RequireScope(ApiScopes.Speak).WithName("GetQualitySession")
            .WithSummary("A session's blind trials in its random listening order; nothing says which side is which NFE.");
        api.MapGet("/{id}/trials/{trial}/audio/{side}", GetAudio).RequireScope(ApiScopes.Speak).WithName("GetQualityTrialAudio")
            .WithSummary("The WAV of one side (a or b) of a trial.").Produces(200, contentType: "audio/wav").ProducesProblem(404);
        api.MapGet("/{id}/ratings", ListRatings).RequireScope(ApiScopes.Speak).WithName("ListQualityRatings")
            .WithSummary("The ratings so far: all, or one listener's (?listener=NAME) to resume.");
        api.MapPost("/{id}/ratings", Rate).RequireScope(ApiScopes.Speak).WithName("RateQualityTrial")
            .WithSummary("Rate one trial: choice a, b or same, optional 1–5 scores; the same listener rating a trial again replaces it.")
            .Accepts<QualityRatingRequest>("application/json").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/{id}/report", Report).RequireScope(ApiScopes.Admin).WithName("GetQualityReport")
            .WithSummary("Preference for each NFE with 95 % Wilson intervals, per category, objective measures and a verdict.");
        return api;
    }

    public static Ok<QualitySessionSummary[]> ListSessions(QualitySessionStore store) =>
        TypedResults.Ok(store.List().Select(m =>
        {
            var ratings = store.Ratings(m.Id);
            return new QualitySessionSummary(m.Id, m.CreatedAt, m.VoiceId, m.Nfe, m.Categories, m.Trials.Count, ratings.Count,
                ratings.Select(r => r.Listener).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
        }).ToArray());

    public static Results<Ok<QualitySessionView>, ProblemHttpResult> GetSession(string id, QualitySessionStore store, ILoggerFactory logs)
    {
        var (m, problem) = Open(id, store, logs);
        if (problem is not null) return problem;
        var trials = m!.Trials.Select(t =>
        {
            var item = m.Item(t.ItemId);
            return new QualityTrialView(t.Trial, item.Category, item.Language, item.Text, AudioUrl(m.Id, t.Trial, "a"), AudioUrl(m.Id, t.Trial, "b"));
        }).ToArray();
        return TypedResults.Ok(new QualitySessionView(m.Id, m.CreatedAt, m.VoiceId, m.Nfe, trials));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetAudio(string id, string trial, string side, HttpContext http,
        QualitySessionStore store, ILoggerFactory logs)
    {
        var (manifest, problem) = Open(id, store, logs);
        if (problem is not null) return problem;
        if (TrialNumber(trial, manifest!) is not { } number) return NoTrial(trial, manifest!);
        if (side is not ("a" or "b"))
            return Problem.Of(404, ProblemTypes.NotFound, "Unknown side", $"a trial has sides 'a' and 'b' (got '{Problem.Shorten(side)}')");
        var path = store.BlindAudio(manifest!, number, side);
        if (path is null)
            return Problem.Of(404, ProblemTypes.NotFound, "Audio missing",
                $"the audio of trial {number} side {side} is missing from the session folder; re-create the session with `ishowtts quality generate`");
        // No file name, no ETag or Last-Modified from the file: the URL and the length are all a listener sees.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(File.ReadAllBytes(path), "audio/wav", enableRangeProcessing: true);
    }

    public static Results<Ok<QualityRatingView[]>, ProblemHttpResult> ListRatings(string id, string? listener, QualitySessionStore store, ILoggerFactory logs)
    {
        var (_, problem) = Open(id, store, logs);
        if (problem is not null) return problem;
        var ratings = store.Ratings(id).Where(r => listener is null || string.Equals(r.Listener, listener.Trim(), StringComparison.Ordinal));
        return TypedResults.Ok(ratings.Select(View).ToArray());
    }

    public static async Task<Results<Created<QualityRatingView>, ProblemHttpResult>> Rate(string id, HttpContext http, QualitySessionStore store,
        ILoggerFactory logs, IOptions<JsonOptions> json)
    {
        var (manifest, problem) = Open(id, store, logs);
        if (problem is not null) return problem;
        var (body, invalid) = await JsonBody.ReadAsync<QualityRatingRequest>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        if (body!.Trial is not { } trial)
            return Problem.InvalidRequest($"'trial' is required: the number of the trial rated (1–{manifest!.Trials.Count})");
        if (manifest!.Trial(trial) is null) return NoTrial(trial.ToString(System.Globalization.CultureInfo.InvariantCulture), manifest);
        if (body.Choice is null) return Problem.InvalidRequest("'choice' is required: \"a\", \"b\" or \"same\" (no audible difference)");
        var comment = body.Comment?.Trim();
        var rating = new QualityRating(trial, body.Choice.Trim().ToLowerInvariant(), body.ScoreA, body.ScoreB, body.Listener?.Trim() ?? "",
            string.IsNullOrEmpty(comment) ? null : comment, DateTimeOffset.UtcNow);
        if (rating.Problem(manifest) is { } wrong) return Problem.InvalidRequest(wrong);
        store.Save(manifest, [rating]);
        return TypedResults.Created($"/api/quality/sessions/{id}/ratings?listener={Uri.EscapeDataString(rating.Listener)}", View(rating));
    }

    public static Results<Ok<QualityReportView>, ProblemHttpResult> Report(string id, QualitySessionStore store, ILoggerFactory logs)
    {
        var (manifest, problem) = Open(id, store, logs);
        if (problem is not null) return problem;
        var r = QualityReportBuilder.Build(manifest!, store.Ratings(id));
        return TypedResults.Ok(new QualityReportView(r.SessionId, r.LowerNfe, r.HigherNfe, r.Ratings, r.Listeners,
            Share(r.PreferLower), Share(r.PreferHigher), Share(r.Same), Share(r.HigherAmongDecided), Finite(r.MeanScoreLower), Finite(r.MeanScoreHigher),
            r.ByCategory.Select(c => new QualityCategoryView(c.Category, c.Ratings, c.PreferLower, c.PreferHigher, c.Same)).ToArray(),
            r.Objective.Select(o => new QualityObjectiveView(o.Nfe, Finite(o.MeanMelDistance), o.MeanDurationSeconds, o.MeanClippingRatio, o.MeanSilenceRatio))
                .ToArray(),
            r.Verdict, r.Recommendation));
    }

    /// <summary>The session's manifest, or a 404 (unknown or impossible id: nothing outside the sessions folder is reachable) or 500 (unreadable).</summary>
    private static (QualityManifest? Manifest, ProblemHttpResult? Problem) Open(string id, QualitySessionStore store, ILoggerFactory logs)
    {
        try
        {
            if (store.TryOpen(id) is { } manifest) return (manifest, null);
        }
        catch (OpsException e)
        {
            logs.CreateLogger(typeof(QualityApi).FullName!).LogError("quality session {Session} cannot be read: {Reason}", id, e.Message);
            return (null, Problem.Of(500, ProblemTypes.Internal, "Unreadable quality session",
                $"the quality session '{id}' cannot be read (its manifest is broken or from another version); the server log says why"));
        }
        return (null, Problem.Of(404, ProblemTypes.NotFound, "Unknown quality session",
            $"there is no quality session '{Problem.Shorten(id)}'; GET /api/quality/sessions lists them, `ishowtts quality generate` makes one"));
    }

    private static int? TrialNumber(string trial, QualityManifest manifest) =>
        int.TryParse(trial, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && manifest.Trial(n) is not null
            ? n : null;

    private static ProblemHttpResult NoTrial(string trial, QualityManifest manifest) =>
        Problem.Of(404, ProblemTypes.NotFound, "Unknown trial",
            $"trial '{Problem.Shorten(trial)}' does not exist: session '{manifest.Id}' has trials 1–{manifest.Trials.Count}");

    private static string AudioUrl(string id, int trial, string side) => $"/api/quality/sessions/{id}/trials/{trial}/audio/{side}";

    private static QualityRatingView View(QualityRating r) => new(r.Trial, r.Choice, r.ScoreA, r.ScoreB, r.Listener, r.Comment, r.RatedAt);

    private static QualityShareView Share(IShowTts.Ops.Statistics.ProportionInterval p) => new(p.Count, p.Total, p.Share, p.Low, p.High);

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;
}
