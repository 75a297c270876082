// Chat (danmaku) reading: the original's POST /api/danmaku/start, /stop and /enqueue, plus the status
// of what is read and the chat voices (default, per channel, per viewer). Reading and enqueueing need
// the speak scope (bots feed the reader); changing what is read needs admin.
using System.Text;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Server.Contracts;
using IShowTts.Server.Danmaku;
using IShowTts.Server.Problems;
using IShowTts.Server.Security;
using IShowTts.Synthesis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IShowTts.Server.Apis;

internal static class DanmakuApi
{
    public static RouteGroupBuilder MapDanmakuApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/danmaku").WithTags("Chat (danmaku)");
        api.MapPost("/start", Start).RequireScope(ApiScopes.Admin).WithName("DanmakuStart")
            .WithSummary("Start reading a Twitch or YouTube channel aloud, optionally with its own voice and engine (202, as the original).");
        api.MapPost("/stop", Stop).RequireScope(ApiScopes.Admin).WithName("DanmakuStop")
            .WithSummary("Stop reading a channel: 202 \"stopped\", or 200 \"idle\" when it was not being read (as the original).");
        api.MapPost("/enqueue", Enqueue).RequireScope(ApiScopes.Speak).WithName("DanmakuEnqueue")
            .WithSummary("Feed one chat message (the original's JSON): 202 queued or awaiting approval, 204 filtered or dropped.")
            .Accepts<ChatMessage>("application/json").Produces(202).Produces(204).ProducesProblem(400);
        api.MapGet("/status", Status).RequireScope(ApiScopes.Speak).WithName("DanmakuStatus")
            .WithSummary("Channels read, connection states, queue counters and the loudness target.");
        api.MapGet("/voices", Voices).RequireScope(ApiScopes.Speak).WithName("DanmakuVoices")
            .WithSummary("The chat default voice, each channel's and each viewer's own voice.");
        api.MapPut("/voices/users", SetUserVoice).RequireScope(ApiScopes.Admin).WithName("DanmakuSetUserVoice")
            .WithSummary("Give a viewer their own voice (wins over the channel's).");
        api.MapDelete("/voices/users/{user}", RemoveUserVoice).RequireScope(ApiScopes.Admin).WithName("DanmakuRemoveUserVoice")
            .WithSummary("Remove a viewer's own voice.");
        return api;
    }

    public static async Task<Results<Accepted<DanmakuStartResponse>, ProblemHttpResult>> Start(HttpContext http, ChatService chat, Synthesizer synthesizer,
        ServerOptions options, IOptions<JsonOptions> json)
    {
        var (body, invalid) = await JsonBody.ReadAsync<DanmakuChannelRequest>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        var (platform, channel, problem) = Channel(body!);
        if (problem is not null) return problem;
        var voiceId = Blank(body!.VoiceId);
        var engine = Blank(body.Engine);
        if (voiceId is not null || engine is not null)
        {
            var voiceProblem = CheckVoice(synthesizer, voiceId, engine);
            if (voiceProblem is not null) return voiceProblem;
        }
        if (platform == ChatPlatform.YouTube && !options.Danmaku.YouTube.HasApiKey && !options.Danmaku.YouTube.HasOAuth)
            return Problem.Of(409, ProblemTypes.ChatNotConfigured, "YouTube chat is not configured",
                "reading YouTube chat needs [danmaku.youtube] api_key, or client_id + client_secret + refresh_token, in the configuration file");
        try
        {
            await chat.Reader.StartChannelAsync(platform, channel, voiceId, engine, http.RequestAborted);
        }
        catch (ArgumentException e)
        {
            return Problem.InvalidRequest(e.Message);
        }
        var name = chat.Reader.Channels.FirstOrDefault(c => c.Platform == platform && string.Equals(c.Channel, channel.TrimStart('#'), StringComparison.OrdinalIgnoreCase)).Channel
                   ?? channel;
        var mapped = chat.Reader.Queue.Voices.Channels.FirstOrDefault(v => v.Platform == platform && v.Channel == name);
        return TypedResults.Accepted("/api/danmaku/status", new DanmakuStartResponse("started", platform, name, mapped?.VoiceId, mapped?.Engine));
    }

    public static async Task<Results<Accepted<DanmakuStopResponse>, Ok<DanmakuStopResponse>, ProblemHttpResult>> Stop(HttpContext http, ChatService chat, IOptions<JsonOptions> json)
    {
        var (body, invalid) = await JsonBody.ReadAsync<DanmakuChannelRequest>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        var (platform, channel, problem) = Channel(body!);
        if (problem is not null) return problem;
        var stopped = await chat.Reader.StopChannelAsync(platform, channel, http.Items[AccessGuard.CallerKey] as string ?? "api");
        var name = platform == ChatPlatform.Twitch ? channel.Trim().TrimStart('#').ToLowerInvariant() : channel.Trim();
        return stopped
            ? TypedResults.Accepted("/api/danmaku/status", new DanmakuStopResponse("stopped", platform, name, true))
            : TypedResults.Ok(new DanmakuStopResponse("idle", platform, name, false));
    }

    public static async Task<Results<Accepted<DanmakuEnqueueResponse>, NoContent, ProblemHttpResult>> Enqueue(HttpContext http, ChatService chat)
    {
        if (!http.Request.HasJsonContentType())
            return Problem.UnsupportedMediaType($"send the message as JSON with `Content-Type: application/json` (got '{http.Request.ContentType ?? "none"}')");
        string text;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
            text = await reader.ReadToEndAsync(http.RequestAborted);
        ChatMessage message;
        try
        {
            message = ChatJson.ParseMessage(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            return Problem.InvalidRequest($"the body is not a chat message{where}: {e.Message.Split(" Path:")[0]} " +
                "(shape: {\"platform\": \"Twitch\", \"channel\": \"…\", \"username\": \"…\", \"content\": {\"Text\": \"…\"}, …}; docs/chat.md)");
        }
        if (string.IsNullOrWhiteSpace(message.Channel)) return Problem.InvalidRequest("the message has no channel");
        if (string.IsNullOrWhiteSpace(message.Username)) return Problem.InvalidRequest("the message has no username");
        var result = chat.Reader.Submit(message);
        if (result.Accepted)
            return TypedResults.Accepted($"/api/danmaku/queue", new DanmakuEnqueueResponse(result.Item.Id, result.State));
        http.Response.Headers["X-Danmaku-Drop-Reason"] = result.Reason?.ToString() ?? result.State.ToString();
        return TypedResults.NoContent();
    }

    public static Ok<DanmakuStatusView> Status(ChatService chat)
    {
        var reader = chat.Reader;
        var voices = reader.Queue.Voices.Channels;
        var channels = reader.Channels.Select(c =>
        {
            var v = voices.FirstOrDefault(x => x.Platform == c.Platform && x.Channel == c.Channel);
            return new DanmakuChannelView(c.Platform, c.Channel, v?.VoiceId, v?.Engine);
        }).ToArray();
        return TypedResults.Ok(new DanmakuStatusView(channels, reader.Connections.Select(DanmakuConnectionView.Of).ToArray(),
            DanmakuStatisticsView.Of(reader.Queue.Statistics()), chat.Speech.LoudnessLufs));
    }

    public static Ok<DanmakuVoicesView> Voices(ChatService chat)
    {
        var tts = chat.Reader.Queue.Tts;
        var map = chat.Reader.Queue.Voices;
        return TypedResults.Ok(new DanmakuVoicesView(new DanmakuVoiceChoice(Blank(tts.VoiceId), Blank(tts.Engine)),
            map.Channels.Select(c => new DanmakuChannelView(c.Platform, c.Channel, c.VoiceId, c.Engine)).ToArray(),
            map.Users.Select(u => new DanmakuUserVoice(u.User, u.Platform, u.VoiceId, u.Engine)).ToArray()));
    }

    public static async Task<Results<Ok<DanmakuUserVoice>, ProblemHttpResult>> SetUserVoice(HttpContext http, ChatService chat, Synthesizer synthesizer,
        IOptions<JsonOptions> json)
    {
        var (body, invalid) = await JsonBody.ReadAsync<DanmakuUserVoice>(http.Request, json.Value.SerializerOptions);
        if (invalid is not null) return invalid;
        var user = body!.User?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(user)) return Problem.InvalidRequest("user is required (a login, display name or user id)");
        if (Blank(body.VoiceId) is not { } voiceId) return Problem.InvalidRequest("voice_id is required");
        var problem = CheckVoice(synthesizer, voiceId, Blank(body.Engine));
        if (problem is not null) return problem;
        chat.Reader.Queue.Voices.SetUser(new UserVoice(user, voiceId, body.Platform, Blank(body.Engine)));
        return TypedResults.Ok(new DanmakuUserVoice(user, body.Platform, voiceId, Blank(body.Engine)));
    }

    public static Results<NoContent, ProblemHttpResult> RemoveUserVoice(string user, ChatService chat) =>
        chat.Reader.Queue.Voices.RemoveUser(user.Trim().TrimStart('@'))
            ? TypedResults.NoContent()
            : Problem.Of(404, ProblemTypes.NotFound, "No such user voice", $"'{user}' has no voice of their own");

    private static (ChatPlatform Platform, string Channel, ProblemHttpResult? Problem) Channel(DanmakuChannelRequest body)
    {
        if (string.IsNullOrWhiteSpace(body.Platform))
            return (default, "", Problem.InvalidRequest("platform is required: \"twitch\" or \"youtube\""));
        if (!Enum.TryParse<ChatPlatform>(body.Platform.Trim(), ignoreCase: true, out var platform) || !Enum.IsDefined(platform))
            return (default, "", Problem.InvalidRequest($"unknown platform '{body.Platform}': use \"twitch\" or \"youtube\""));
        var channel = body.Channel?.Trim() ?? "";
        if (channel.TrimStart('#').Length == 0)
            return (platform, "", Problem.InvalidRequest("channel is required (a Twitch channel name, or a YouTube channel id, video id or URL)"));
        return (platform, channel, null);
    }

    private static ProblemHttpResult? CheckVoice(Synthesizer synthesizer, string? voiceId, string? engine)
    {
        try
        {
            synthesizer.ResolveVoice(voiceId, engine);
            return null;
        }
        catch (SpeechException e)
        {
            return Problem.Of(400, e.Kind == SpeechErrorKind.UnknownEngine ? ProblemTypes.UnknownEngine : ProblemTypes.UnknownVoice,
                e.Kind == SpeechErrorKind.UnknownEngine ? "Unknown engine" : "Unknown voice", e.Message,
                new Dictionary<string, object?> { ["known_voices"] = synthesizer.Voices.All.Select(v => v.Id).ToArray() });
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
