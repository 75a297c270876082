// Severity of a chat log line.
namespace IShowTts.Chat;

public enum ChatLogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}
