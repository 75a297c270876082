// `ishowtts keys create|list|revoke`: API keys for a server bound beyond loopback. Only hashes are
// stored (in the data directory); a new key's secret is printed once.
using IShowTts.Server.Security;

namespace IShowTts.Cli.Commands;

public sealed class KeysCommand : ICommand
{
    public string Name => "keys";

    public string Summary => "create, list or revoke API keys";

    public string Usage => """
        usage: ishowtts keys create NAME [--scope admin|speak]   (default admin; speak = synthesis only, for bots and overlays)
               ishowtts keys list
               ishowtts keys revoke NAME-OR-ID
        """;

    public Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        var scope = args.String("scope") ?? "admin";
        args.Finish();
        var p = args.Positionals;
        var store = new ApiKeyStore(context.Config.Paths.DataDirectory);
        try
        {
            switch (p.FirstOrDefault())
            {
                case "create" when p.Count == 2:
                    var created = store.Create(p[1], [scope]);
                    Console.Out.WriteLine(created.Secret);
                    context.Log.Line($"created key '{created.Key.Name}' ({scope}); the secret above is shown only now — send it as 'Authorization: Bearer <secret>'");
                    return Task.FromResult(0);
                case "list" when p.Count == 1:
                    foreach (var k in store.List())
                        Console.Out.WriteLine($"{k.Id,-12} {k.Name,-20} {string.Join(",", k.Scopes),-12} {k.Prefix}…  {k.CreatedAt:yyyy-MM-dd HH:mm}");
                    return Task.FromResult(0);
                case "revoke" when p.Count == 2:
                    if (store.Revoke(p[1])) { context.Log.Line($"revoked '{p[1]}'"); return Task.FromResult(0); }
                    context.Log.Line($"no key named or numbered '{p[1]}'");
                    return Task.FromResult(1);
                default:
                    throw new UsageException("give create NAME, list, or revoke NAME-OR-ID");
            }
        }
        catch (ApiKeyException e)
        {
            context.Log.Line($"ishowtts keys: {e.Message}");
            return Task.FromResult(1);
        }
    }
}
