// A loopback HTTP server (HttpListener) that answers with what the test's handler returns and records
// every request, for the YouTube client: API calls and the OAuth token endpoint.
using IShowTts.TestSupport.Irc;
using System.Net;
using System.Text;

namespace IShowTts.Chat.Tests.Internal;

internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, CannedResponse> _handler;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _serving;

    public LocalHttpServer(Func<RecordedRequest, CannedResponse> handler)
    {
        _handler = handler;
        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathPart) => [.. Requests.Where(r => r.Path.Contains(pathPart, StringComparison.Ordinal))];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try
            {
                await AnswerAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                // The listener is stopping or the client went away mid-answer: nothing to tell anyone.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
            context.Request.QueryString, context.Request.Headers["Authorization"], await reader.ReadToEndAsync());
        CannedResponse response;
        try { response = _handler(request); }
        catch (Exception e) { response = new CannedResponse(500, $"{{\"error\": {{\"code\": 500, \"message\": \"test handler: {e.Message}\"}}}}"); }
        lock (_requests) _requests.Add(request);
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _serving; }
        catch (ObjectDisposedException) { }
    }
}
