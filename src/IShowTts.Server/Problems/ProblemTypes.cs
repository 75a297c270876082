// The stable `type` of every RFC 7807 problem the server answers with. Clients branch on these, so
// they never change; docs/api.md lists each with its status and what the user can do.
namespace IShowTts.Server.Problems;

public static class ProblemTypes
{
    private const string Prefix = "urn:ishowtts:problem:";

    public const string InvalidRequest = Prefix + "invalid-request";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string EmptyText = Prefix + "empty-text";
    public const string TextTooLong = Prefix + "text-too-long";
    public const string BadParameter = Prefix + "bad-parameter";
    public const string UnknownVoice = Prefix + "unknown-voice";
    public const string InvalidVoiceId = Prefix + "invalid-voice-id";
    public const string UnknownEngine = Prefix + "unknown-engine";
    public const string UnknownModel = Prefix + "unknown-model";
    public const string UnsupportedFormat = Prefix + "unsupported-format";
    public const string FormatUnavailable = Prefix + "format-unavailable";
    public const string EngineNotReady = Prefix + "engine-not-ready";
    public const string BadReference = Prefix + "bad-reference";
    public const string BadAudio = Prefix + "bad-audio";
    public const string AudioTooLong = Prefix + "audio-too-long";
    public const string UploadTooLarge = Prefix + "upload-too-large";
    public const string ReferenceClipped = Prefix + "reference-clipped";
    public const string ReferenceTextRequired = Prefix + "reference-text-required";
    public const string NoReference = Prefix + "no-reference";
    public const string NoOverride = Prefix + "no-override";
    public const string VoiceExists = Prefix + "voice-exists";
    public const string VoiceNotRemovable = Prefix + "voice-not-removable";
    public const string Overloaded = Prefix + "overloaded";
    public const string ShuttingDown = Prefix + "shutting-down";
    public const string Timeout = Prefix + "timeout";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string CrossOriginRefused = Prefix + "cross-origin-refused";
    public const string ForeignHost = Prefix + "foreign-host";
    public const string NotFound = Prefix + "not-found";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string Internal = Prefix + "internal";
    public const string ChatNotConfigured = Prefix + "chat-not-configured";
    public const string UnknownChatItem = Prefix + "unknown-chat-item";
    public const string UnknownPlayer = Prefix + "unknown-player";
    public const string NotAWebSocket = Prefix + "not-a-websocket";

    /// <summary>Recorded in logs and metrics only: the client went away before there was an answer.</summary>
    public const string ClientClosed = Prefix + "client-closed";

    /// <summary>The type for a status the framework produced without one (routing, body limits).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => InvalidRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => UploadTooLarge,
        415 => UnsupportedMediaType,
        429 => Overloaded,
        503 => ShuttingDown,
        504 => Timeout,
        _ => Internal,
    };

    /// <summary>The short name after the prefix ("unknown-voice"), used as the OpenAI error code.</summary>
    public static string Slug(string type) => type.StartsWith(Prefix, StringComparison.Ordinal) ? type[Prefix.Length..] : type;
}
