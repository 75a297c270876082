// Masks known secrets (OAuth tokens, API keys, refresh tokens) in a log line before it is written:
// each secret and any "oauth:…", "key=…", "access_token…" value is replaced by "***".
using System.Text.RegularExpressions;

namespace IShowTts.Chat.Internal;

internal sealed partial class SecretRedactor
{
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets) =>
        _secrets = [.. secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 4).Select(s => s!).Distinct().OrderByDescending(s => s.Length)];

    public string Redact(string line)
    {
        foreach (var secret in _secrets)
            line = line.Replace(secret, "***", StringComparison.Ordinal);
        return Patterns().Replace(line, m => m.Groups["name"].Value + "***");
    }

    public ChatLog Wrap(ChatLog? log) =>
        log is null ? static (_, _) => { } : (level, message) => log(level, Redact(message));

    [GeneratedRegex(@"(?<name>oauth:|PASS\s+|\b(?:key|access_token|refresh_token|client_secret)=|Bearer\s+|""(?:access_token|refresh_token)""\s*:\s*"")[^\s&""]+",
        RegexOptions.IgnoreCase)]
    private static partial Regex Patterns();
}
