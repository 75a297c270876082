// Opens the connection the settings ask for: plain TCP, TLS (server name checked, or the options'
// validation callback for self-signed test servers), or a WebSocket (wss:// unless a ws:// URL is given).
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Twitch.Internal;

internal static class IrcConnector
{
    public static async Task<IIrcConnection> ConnectAsync(TwitchSettings settings, TwitchClientOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            return settings.Transport == TwitchTransport.WebSocket
                ? await ConnectWebSocketAsync(settings, options, timeout.Token).ConfigureAwait(false)
                : await ConnectStreamAsync(settings, options, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no connection to {Address(settings)} within {options.ConnectTimeout.TotalSeconds:0.#} s");
        }
    }

    public static string Address(TwitchSettings settings) => settings.Transport == TwitchTransport.WebSocket
        ? WebSocketUri(settings).ToString()
        : $"{settings.EffectiveServer}:{settings.EffectivePort} ({settings.Transport})";

    private static async Task<IIrcConnection> ConnectStreamAsync(TwitchSettings settings, TwitchClientOptions options, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(settings.EffectiveServer, settings.EffectivePort, cancellationToken).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (settings.Transport == TwitchTransport.Tls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = settings.EffectiveServer,
                    RemoteCertificateValidationCallback = options.CertificateValidation,
                }, cancellationToken).ConfigureAwait(false);
                stream = tls;
            }
            return new StreamIrcConnection(tcp, stream);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private static async Task<IIrcConnection> ConnectWebSocketAsync(TwitchSettings settings, TwitchClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
            if (options.CertificateValidation is not null)
                socket.Options.RemoteCertificateValidationCallback = options.CertificateValidation;
            await socket.ConnectAsync(WebSocketUri(settings), cancellationToken).ConfigureAwait(false);
            return new WebSocketIrcConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static Uri WebSocketUri(TwitchSettings settings)
    {
        var server = settings.EffectiveServer;
        if (server.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) || server.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
            return new Uri(server);
        return new UriBuilder("wss", server, settings.EffectivePort).Uri;
    }
}
