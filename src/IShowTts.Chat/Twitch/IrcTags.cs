// IRCv3 message-tag values: the escapes "\:" → ';', "\s" → ' ', "\\" → '\', "\r" → CR, "\n" → LF,
// any other "\x" → "x", and a lone trailing '\' dropped (https://ircv3.net/specs/extensions/message-tags).
using System.Text;

namespace IShowTts.Chat.Twitch;

public static class IrcTags
{
    public static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\') { result.Append(value[i]); continue; }
            if (++i == value.Length) break;
            result.Append(value[i] switch { ':' => ';', 's' => ' ', 'r' => '\r', 'n' => '\n', var other => other });
        }
        return result.ToString();
    }

    public static string Escape(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value)
            result.Append(c switch { ';' => @"\:", ' ' => @"\s", '\\' => @"\\", '\r' => @"\r", '\n' => @"\n", _ => c.ToString() });
        return result.ToString();
    }

    /// <summary>The tags of "@a=1;b=x\sy;c" (without the '@'), values unescaped; a key without '=' has "".</summary>
    public static IReadOnlyDictionary<string, string> Parse(string tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in tags.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals < 0) result[pair] = "";
            else result[pair[..equals]] = Unescape(pair[(equals + 1)..]);
        }
        return result;
    }
}
