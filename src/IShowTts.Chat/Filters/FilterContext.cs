// What filters see and change for one message: the message, the text as the filters before have left
// it, the settings in force when the message arrived, the time, and whether the author is trusted
// (on the allow list, a moderator or the broadcaster: exempt from mode, cooldown and approval).
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Filters;

public sealed class FilterContext
{
    public FilterContext(ChatMessage message, FilterSettings settings, DateTimeOffset now)
    {
        Message = message;
        Settings = settings;
        Now = now;
        Text = message.Content.Value;
        Trusted = (message.Roles & (ChatRoles.Broadcaster | ChatRoles.Moderator)) != 0;
    }

    public ChatMessage Message { get; }

    public FilterSettings Settings { get; }

    public DateTimeOffset Now { get; }

    public string Text { get; set; }

    public bool Trusted { get; set; }

    public bool IsSystem => Message.Content.Kind == ChatContentKind.System;
}
