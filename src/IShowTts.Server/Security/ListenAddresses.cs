// Which of the URLs the server listens on can be reached from other machines. Kestrel URL hosts:
// "localhost", IP literals ("127.0.0.1", "[::1]"), and the wildcards "*", "+", "0.0.0.0", "[::]";
// any other host name is treated as reachable from the network.
using System.Net;

namespace IShowTts.Server.Security;

internal static class ListenAddresses
{
    public static bool IsLoopback(string url)
    {
        var host = HostOf(url);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>The host part of a Kestrel URL, without brackets ("http://[::1]:80/x" → "::1").</summary>
    public static string HostOf(string url)
    {
        var rest = url;
        int scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) rest = rest[(scheme + 3)..];
        int slash = rest.IndexOf('/');
        if (slash >= 0) rest = rest[..slash];
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']');
            return close > 0 ? rest[1..close] : rest;
        }
        int colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    /// <summary>Whether a request's Host header names this machine's loopback (DNS-rebinding protection).</summary>
    public static bool IsLoopbackHostHeader(string hostHeader)
    {
        var host = HostOf("http://" + hostHeader);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
