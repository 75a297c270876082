// Chat queue and filter control: the live queue, skip / remove / clear / pause / resume, the approval
// list (mode "approval"), the history of what played and who skipped it, and the filter settings
// (GET, and PUT of any subset of the keys). Reading needs the speak scope, changing needs admin.
using System.Text.Json;
using System.Text.Json.Nodes;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Server.Contracts;
using IShowTts.Server.Danmaku;
using IShowTts.Server.Problems;
using IShowTts.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IShowTts.Server.Apis;

internal static class DanmakuQueueApi
{
    public static RouteGroupBuilder MapDanmakuQueueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/danmaku").WithTags("Chat (danmaku) queue");
        api.MapGet("/queue", Queue).RequireScope(ApiScopes.Speak).WithName("DanmakuQueue").WithSummary("The live items, in play order.");
        api.MapPost("/queue/skip", Skip).RequireScope(ApiScopes.Admin).WithName("DanmakuSkip").WithSummary("Stop the item playing now.");
        api.MapDelete("/queue/{id:long}", Remove).RequireScope(ApiScopes.Admin).WithName("DanmakuRemove").WithSummary("Remove one item wherever it is.");
        api.MapPost("/queue/clear", Clear).RequireScope(ApiScopes.Admin).WithName("DanmakuClear").WithSummary("Remove every item not yet finished.");
        api.MapPost("/queue/pause", Pause).RequireScope(ApiScopes.Admin).WithName("DanmakuPause").WithSummary("Hold playback (synthesis goes on).");
        api.MapPost("/queue/resume", Resume).RequireScope(ApiScopes.Admin).WithName("DanmakuResume").WithSummary("Resume playback.");
        api.MapGet("/approvals", Approvals).RequireScope(ApiScopes.Speak).WithName("DanmakuApprovals").WithSummary("Messages waiting for a moderator.");
        api.MapPost("/approvals/{id:long}/approve", Approve).RequireScope(ApiScopes.Admin).WithName("DanmakuApprove").WithSummary("Let a held message through.");
        api.MapPost("/approvals/{id:long}/reject", Reject).RequireScope(ApiScopes.Admin).WithName("DanmakuReject").WithSummary("Reject a held message.");
        api.MapGet("/history", History).RequireScope(ApiScopes.Speak).WithName("DanmakuHistory").WithSummary("What played or was skipped, newest first.");
        api.MapGet("/filter", Filter).RequireScope(ApiScopes.Speak).WithName("DanmakuFilter").WithSummary("The [danmaku.filter] settings in force.");
        api.MapPut("/filter", UpdateFilter).RequireScope(ApiScopes.Admin).WithName("DanmakuUpdateFilter")
            .WithSummary("Change any subset of the filter settings; the answer is the settings now in force.");
        return api;
    }

    public static Ok<DanmakuItemView[]> Queue(ChatService chat) =>
        TypedResults.Ok(chat.Reader.Queue.Snapshot().Select(DanmakuItemView.Of).ToArray());

    public static async Task<Ok<SkipResponse>> Skip(HttpContext http, ChatService chat) =>
        TypedResults.Ok(new SkipResponse(chat.Reader.Queue.Skip(await ByAsync(http))));

    public static Results<NoContent, ProblemHttpResult> Remove(long id, HttpContext http, ChatService chat) =>
        chat.Reader.Queue.Remove(id, http.Request.Query["by"].FirstOrDefault() ?? Caller(http))
            ? TypedResults.NoContent()
            : UnknownItem(id);

    public static async Task<Ok<ClearResponse>> Clear(HttpContext http, ChatService chat) =>
        TypedResults.Ok(new ClearResponse(chat.Reader.Queue.Clear(await ByAsync(http))));

    public static Ok<DanmakuStatisticsView> Pause(ChatService chat)
    {
        chat.Reader.Queue.Pause();
        return TypedResults.Ok(DanmakuStatisticsView.Of(chat.Reader.Queue.Statistics()));
    }

    public static Ok<DanmakuStatisticsView> Resume(ChatService chat)
    {
        chat.Reader.Queue.Resume();
        return TypedResults.Ok(DanmakuStatisticsView.Of(chat.Reader.Queue.Statistics()));
    }

    public static Ok<DanmakuItemView[]> Approvals(ChatService chat) =>
        TypedResults.Ok(chat.Reader.Queue.PendingApprovals()
            .Select(i => DanmakuItemView.Of(i, QueueItemState.AwaitingApproval, i.ReceivedAt)).ToArray());

    public static async Task<Results<Ok<DanmakuItemView>, ProblemHttpResult>> Approve(long id, HttpContext http, ChatService chat)
    {
        var by = await ByAsync(http);
        var result = chat.Reader.Queue.Approve(id, by);
        return result is null
            ? UnknownItem(id, "waiting for approval")
            : TypedResults.Ok(DanmakuItemView.Of(result.Item, result.State, DateTimeOffset.UtcNow, result.Reason, result.Detail, by));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Reject(long id, HttpContext http, ChatService chat) =>
        chat.Reader.Queue.Reject(id, await ByAsync(http)) ? TypedResults.NoContent() : UnknownItem(id, "waiting for approval");

    public static Ok<DanmakuHistoryView[]> History(ChatService chat) =>
        TypedResults.Ok(chat.Reader.Queue.History().OrderByDescending(h => h.At).Select(DanmakuHistoryView.Of).ToArray());

    public static Ok<FilterSettings> Filter(ChatService chat) => TypedResults.Ok(chat.Reader.Filters.Settings);

    public static async Task<Results<Ok<FilterSettings>, ProblemHttpResult>> UpdateFilter(HttpContext http, ChatService chat, IOptions<JsonOptions> json)
    {
        var options = json.Value.SerializerOptions;
        var (changes, invalid) = await JsonBody.ReadAsync<JsonObject>(http.Request, options);
        if (invalid is not null) return invalid;
        var current = JsonSerializer.SerializeToNode(chat.Reader.Filters.Settings, options)!.AsObject();
        foreach (var (key, value) in changes!)
        {
            if (!current.ContainsKey(key))
                return Problem.InvalidRequest($"unknown filter setting '{key}' (known: {string.Join(", ", current.Select(p => p.Key))})");
            current[key] = value?.DeepClone();
        }
        FilterSettings merged;
        try
        {
            merged = current.Deserialize<FilterSettings>(options)
                ?? throw new JsonException("the settings are null");
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 2 } path ? $" at {path}" : "";
            return Problem.InvalidRequest($"a filter setting has the wrong type{where}: {e.Message.Split(" Path:")[0]}");
        }
        try
        {
            return TypedResults.Ok(chat.Reader.Filters.Update(_ => merged));
        }
        catch (ArgumentException e)
        {
            return Problem.InvalidRequest(e.Message);
        }
    }

    private static async Task<string> ByAsync(HttpContext http)
    {
        if (http.Request.ContentLength is > 0 && http.Request.HasJsonContentType())
        {
            try
            {
                var body = await JsonSerializer.DeserializeAsync<DanmakuByRequest>(http.Request.Body, PlaybackFrames.Json, http.RequestAborted);
                if (!string.IsNullOrWhiteSpace(body?.By)) return body.By.Trim();
            }
            catch (JsonException)
            {
                // a control route's body is optional; a malformed one is the same as none
            }
        }
        return Caller(http);
    }

    private static string Caller(HttpContext http) => http.Items[AccessGuard.CallerKey] as string ?? "api";

    private static ProblemHttpResult UnknownItem(long id, string where = "in the queue") =>
        Problem.Of(404, ProblemTypes.UnknownChatItem, "Unknown chat item", $"no item {id} is {where} (it may have finished already)");

    public sealed record SkipResponse(bool Skipped);

    public sealed record ClearResponse(int Removed);
}
