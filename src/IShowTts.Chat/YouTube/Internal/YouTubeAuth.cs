// Credentials for API calls: an OAuth access token obtained (and renewed before it expires, or when
// the API answers 401) from the refresh token at token_url, or else the API key as the key= parameter.
using System.Net.Http.Headers;
using System.Text.Json;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.YouTube.Internal;

internal sealed class YouTubeAuth(YouTubeSettings settings, HttpClient http, TimeProvider time)
{
    private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private string? _accessToken;
    private DateTimeOffset _expiresAt;

    public bool UsesOAuth => settings.HasOAuth;

    public int Refreshes { get; private set; }

    public async Task AuthorizeAsync(HttpRequestMessage request, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (UsesOAuth)
        {
            var token = await AccessTokenAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (settings.HasApiKey)
        {
            var uri = request.RequestUri!.ToString();
            request.RequestUri = new Uri(uri + (uri.Contains('?') ? "&" : "?") + "key=" + Uri.EscapeDataString(settings.ApiKey!));
        }
        else
        {
            throw new InvalidOperationException("danmaku.youtube needs api_key, or client_id + client_secret + refresh_token");
        }
    }

    private async Task<string> AccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!forceRefresh && _accessToken is not null && time.GetUtcNow() < _expiresAt - ExpirySkew)
                return _accessToken;
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenUrl)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["client_id"] = settings.ClientId!,
                    ["client_secret"] = settings.ClientSecret!,
                    ["refresh_token"] = settings.RefreshToken!,
                    ["grant_type"] = "refresh_token",
                }),
            };
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw YouTubeApiException.FromResponse(response.StatusCode, "refreshing the YouTube access token", body);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            _accessToken = root.GetProperty("access_token").GetString()
                ?? throw new YouTubeApiException(response.StatusCode, null, "the token endpoint answered without access_token");
            var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
            _expiresAt = time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
            Refreshes++;
            return _accessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
