// The scopes an API key can grant. admin: everything (voices, keys, metrics); speak: synthesis and the
// read-only voice and model lists, for bots and overlays. "*" in a configuration means every scope.
namespace IShowTts.Server.Security;

public static class ApiScopes
{
    public const string Admin = "admin";
    public const string Speak = "speak";

    public static IReadOnlyList<string> All { get; } = [Admin, Speak];

    /// <summary>Whether a key with <paramref name="granted"/> may use a route that needs <paramref name="required"/>.</summary>
    public static bool Allows(IReadOnlyCollection<string> granted, string required) =>
        granted.Contains("*") || granted.Contains(Admin) || granted.Contains(required);

    /// <summary>The scopes, checked; an unknown name is an ApiKeyException naming it.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<string> scopes)
    {
        var list = scopes.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        if (list.Count == 0) throw new ApiKeyException("a key needs at least one scope (admin or speak)");
        foreach (var s in list)
            if (s != "*" && !All.Contains(s))
                throw new ApiKeyException($"unknown scope '{s}' (known: {string.Join(", ", All)}, or * for all)");
        return list;
    }
}
