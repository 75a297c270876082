// Why a speech request may stop early, as one token: the client went away, the per-request timeout
// passed, or shutdown's grace period ended. Afterwards it tells which of them it was.
namespace IShowTts.Server.Streaming;

internal sealed class RequestCancellation : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _client;
    private readonly CancellationToken _shutdown;

    public RequestCancellation(CancellationToken client, CancellationToken shutdown, TimeSpan timeout)
    {
        _client = client;
        _shutdown = shutdown;
        _timeout = new CancellationTokenSource(timeout);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(client, shutdown, _timeout.Token);
        Limit = timeout;
    }

    public CancellationToken Token => _linked.Token;

    public TimeSpan Limit { get; }

    public bool ClientGone => _client.IsCancellationRequested;

    public bool TimedOut => _timeout.IsCancellationRequested && !ClientGone;

    public bool ShutDown => _shutdown.IsCancellationRequested && !ClientGone && !TimedOut;

    /// <summary>"cancelled" (client), "timeout" or "shutdown"; "cancelled" when nothing fired.</summary>
    public string Outcome => TimedOut ? "timeout" : ShutDown ? "shutdown" : "cancelled";

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
