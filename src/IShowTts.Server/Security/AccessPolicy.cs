// Decides, once at start, how the server is protected: keys required (any non-loopback address, or
// asked for), open on loopback, or open on a LAN by explicit opt-out. A public address with no key
// refuses to start with a message saying how to create one or how to opt out.
namespace IShowTts.Server.Security;

internal sealed record AccessPolicy(bool KeysRequired, bool LoopbackOnly, bool InsecureLan)
{
    public static AccessPolicy Decide(IReadOnlyList<string> urls, ServerOptions options, int keyCount)
    {
        bool loopbackOnly = urls.All(ListenAddresses.IsLoopback);
        if (!loopbackOnly && options.AllowInsecureLan && !options.RequireApiKeys && keyCount == 0)
            return new AccessPolicy(false, false, true);
        bool required = !loopbackOnly || options.RequireApiKeys;
        if (required && keyCount == 0)
        {
            var exposed = string.Join(", ", urls.Where(u => !ListenAddresses.IsLoopback(u)));
            throw new ServerStartException(loopbackOnly
                ? "API keys are required (require_api_keys) but none exists. Create one with `ishowtts keys create --name <name> --scope admin`."
                : $"Refusing to start: ishowtts would listen on {exposed}, which other machines can reach, and no API key exists. " +
                  "Create a key with `ishowtts keys create --name <name> --scope admin` (clients then send `Authorization: Bearer <key>`), " +
                  "or listen on loopback only (bind_addr = \"127.0.0.1:27121\"), " +
                  "or, on a trusted network only, serve without keys by setting `allow_insecure_lan = true` under [api].");
        }
        return new AccessPolicy(required, loopbackOnly, false);
    }
}
