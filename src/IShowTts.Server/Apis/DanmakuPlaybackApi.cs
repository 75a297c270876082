// Chat playback to players: the original's WebSocket GET /api/danmaku/stream (binary frames: u32 LE
// header length, JSON header, WAV; control texts; players send acks), the same events over SSE at
// /api/danmaku/playback (audio by URL from /api/danmaku/clips/{id}, acks through POST
// /api/danmaku/ack), and GET /api/danmaku/feed, an SSE feed of every message, item change,
// connection change and moderation action for control panels.
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

internal static class DanmakuPlaybackApi
{
    public static RouteGroupBuilder MapDanmakuPlaybackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/danmaku").WithTags("Chat (danmaku) playback").RequireScope(ApiScopes.Speak);
        api.MapGet("/stream", Stream).WithName("DanmakuStream")
            .WithSummary("WebSocket player: one binary frame per clip (u32 LE header length, JSON header, WAV) in play order; ack with {\"type\":\"ack\",\"id\":N}.");
        api.MapGet("/playback", Playback).WithName("DanmakuPlayback")
            .WithSummary("SSE player: hello, play (header + audio_url), stop, paused, resumed; ack with POST /api/danmaku/ack.")
            .Produces(200, contentType: "text/event-stream");
        api.MapPost("/ack", Ack).WithName("DanmakuAck").WithSummary("An SSE player finished an item.");
        api.MapGet("/clips/{id:long}", Clip).WithName("DanmakuClip").WithSummary("The WAV of a recent chat item.")
            .Produces(200, contentType: "audio/wav").ProducesProblem(404);
        api.MapGet("/feed", Feed).WithName("DanmakuFeed")
            .WithSummary("SSE of every chat message, item state change, connection change and moderation action.")
            .Produces(200, contentType: "text/event-stream");
        return api;
    }

    public static async Task<IResult> Stream(HttpContext http, ChatService chat, string? player, string? channel)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            return Problem.Of(400, ProblemTypes.NotAWebSocket, "WebSocket required",
                "this route is a WebSocket: connect with ws://…/api/danmaku/stream (or use the SSE player at /api/danmaku/playback)");
        if (!TryChannel(channel, out var selector, out var problem)) return problem!;
        var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var lease = chat.Players.Open(chat.Reader, player, "ws");
        await new WebSocketPlayer(socket, lease.Session, selector).RunAsync(http.RequestAborted);
        return Results.Empty;
    }

    public static IResult Playback(HttpContext http, ChatService chat, string? player, string? channel) =>
        TryChannel(channel, out var selector, out var problem)
            ? new SsePlayerResult(chat, player, selector)
            : problem!;

    public static async Task<Results<NoContent, ProblemHttpResult>> Ack(HttpContext http, ChatService chat, IOptions<JsonOptions> json)
    {
        var (body, invalid) = await JsonBody.ReadAsync<DanmakuAckRequest>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        if (string.IsNullOrWhiteSpace(body!.PlayerId) || body.Id is null)
            return Problem.InvalidRequest("send {\"player_id\": \"…\" (from the hello event), \"id\": N (the item id)}");
        var session = chat.Players.Find(body.PlayerId);
        if (session is null)
            return Problem.Of(404, ProblemTypes.UnknownPlayer, "Unknown player", $"no player '{body.PlayerId}' is connected (its stream closed?)");
        session.Acknowledge(body.Id.Value);
        return TypedResults.NoContent();
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> Clip(long id, ChatService chat) =>
        chat.Clips.Find(id) is { } wav
            ? TypedResults.File(wav, "audio/wav", $"chat-{id}.wav")
            : Problem.Of(404, ProblemTypes.UnknownChatItem, "No such clip", $"item {id} has no clip kept (not spoken yet, or too old)");

    public static IResult Feed(ChatService chat) => new ChatFeedResult(chat.Reader);

    private static bool TryChannel(string? channel, out ChannelSelector? selector, out ProblemHttpResult? problem)
    {
        try
        {
            selector = ChannelSelector.Parse(channel);
            problem = null;
            return true;
        }
        catch (FormatException e)
        {
            selector = null;
            problem = Problem.InvalidRequest(e.Message);
            return false;
        }
    }
}
