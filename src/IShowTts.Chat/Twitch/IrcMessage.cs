// One IRC line split into its parts: IRCv3 tags, prefix (nick!user@host), command and parameters
// (the trailing ":…" parameter last, spaces kept). Parse never throws on odd input; Format writes a line.
namespace IShowTts.Chat.Twitch;

public sealed record IrcMessage(IReadOnlyDictionary<string, string> Tags, string? Prefix, string Command, IReadOnlyList<string> Parameters)
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <summary>The nick part of the prefix ("ronni" of "ronni!ronni@ronni.tmi.twitch.tv").</summary>
    public string? Nick => Prefix is null ? null : Prefix.Split('!', 2)[0];

    public string? Tag(string name) => Tags.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Parameter(int index) => index < Parameters.Count ? Parameters[index] : "";

    public static IrcMessage Parse(string line)
    {
        line = line.TrimEnd('\r', '\n');
        var position = 0;
        var tags = NoTags;
        if (line.StartsWith('@'))
        {
            var end = IndexOfSpace(line, 1);
            tags = IrcTags.Parse(line[1..end]);
            position = SkipSpaces(line, end);
        }
        string? prefix = null;
        if (position < line.Length && line[position] == ':')
        {
            var end = IndexOfSpace(line, position + 1);
            prefix = line[(position + 1)..end];
            position = SkipSpaces(line, end);
        }
        var commandEnd = IndexOfSpace(line, position);
        var command = line[position..commandEnd].ToUpperInvariant();
        position = SkipSpaces(line, commandEnd);
        var parameters = new List<string>();
        while (position < line.Length)
        {
            if (line[position] == ':')
            {
                parameters.Add(line[(position + 1)..]);
                break;
            }
            var end = IndexOfSpace(line, position);
            parameters.Add(line[position..end]);
            position = SkipSpaces(line, end);
        }
        return new IrcMessage(tags, prefix, command, parameters);
    }

    public static string Format(string command, params string[] parameters)
    {
        if (parameters.Length == 0) return command;
        var last = parameters[^1];
        var middle = parameters.Length > 1 ? " " + string.Join(' ', parameters[..^1]) : "";
        var trailing = last.Length == 0 || last.Contains(' ') || last.StartsWith(':') ? " :" + last : " " + last;
        return command + middle + trailing;
    }

    private static int IndexOfSpace(string line, int from)
    {
        var index = line.IndexOf(' ', Math.Min(from, line.Length));
        return index < 0 ? line.Length : index;
    }

    private static int SkipSpaces(string line, int from)
    {
        while (from < line.Length && line[from] == ' ') from++;
        return from;
    }
}
