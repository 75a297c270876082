// An error answer of the YouTube Data API or Google's token endpoint, with the HTTP status and the
// API's reason ("quotaExceeded", "liveChatEnded", "invalid_grant"…) so the client can decide to back
// off, look for a new broadcast, or give up. The message never contains a credential.
using System.Net;
using System.Text.Json;

namespace IShowTts.Chat.YouTube;

public sealed class YouTubeApiException : Exception
{
    private static readonly HashSet<string> QuotaReasons = new(StringComparer.Ordinal)
    {
        "quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded", "dailyLimitExceeded", "RATE_LIMIT_EXCEEDED",
    };

    private static readonly HashSet<string> ChatGoneReasons = new(StringComparer.Ordinal)
    {
        "liveChatEnded", "liveChatNotFound", "liveChatDisabled", "forbidden",
    };

    public YouTubeApiException(HttpStatusCode status, string? reason, string message) : base(message)
    {
        Status = status;
        Reason = reason;
    }

    public HttpStatusCode Status { get; }

    public string? Reason { get; }

    public bool IsQuota => Status == HttpStatusCode.TooManyRequests || Reason is not null && QuotaReasons.Contains(Reason);

    public bool IsUnauthorized => Status == HttpStatusCode.Unauthorized;

    public bool IsChatGone => !IsQuota && (Status == HttpStatusCode.NotFound || Reason is not null && ChatGoneReasons.Contains(Reason));

    /// <summary>Reads Google's error JSON: {"error": {"code", "message", "errors": [{"reason"}]}} or {"error": "invalid_grant", "error_description"}.</summary>
    public static YouTubeApiException FromResponse(HttpStatusCode status, string what, string body)
    {
        string? reason = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    reason = error.GetString();
                    message = document.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : null;
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                    if (error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                        && errors[0].TryGetProperty("reason", out var r))
                        reason = r.GetString();
                    else if (error.TryGetProperty("status", out var s))
                        reason = s.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }
        return new YouTubeApiException(status, reason,
            $"{what} failed: HTTP {(int)status}{(reason is null ? "" : $" {reason}")}{(message is null ? "" : $": {message}")}");
    }
}
