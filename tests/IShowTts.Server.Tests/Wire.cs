// Small helpers for talking to the server as a client would: JSON bodies, problem documents, WAV and
// audio decoding through the product's own decoder.
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IShowTts.Audio;

namespace IShowTts.Server.Tests;

internal static class Wire
{
    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The problem document of a response, after checking its media type.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await ReadJsonAsync(response);
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, int status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {type}, got {(int)response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), "a problem must say what to do");
    }

    public static AudioClip DecodeAudio(byte[] bytes, string name = "response") => AudioDecoder.Decode(bytes, name, minimumSeconds: 0);

    public static float[] Pcm16ToFloat(ReadOnlySpan<byte> pcm)
    {
        var x = new float[pcm.Length / 2];
        for (int i = 0; i < x.Length; i++) x[i] = BitConverter.ToInt16(pcm.Slice(2 * i, 2)) / 32768f;
        return x;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string url, object body, CancellationToken cancel = default) =>
        http.PostAsync(url, Json(body), cancel);

    public static async Task<T> GetJsonAsync<T>(this HttpClient http, string url) => (await http.GetFromJsonAsync<T>(url))!;
}
