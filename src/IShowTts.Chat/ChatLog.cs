// Where the chat library writes its log lines; the server bridges it to ILogger. Every line has
// already passed the secret redactor, so a token, key or refresh token never reaches it.
namespace IShowTts.Chat;

public delegate void ChatLog(ChatLogLevel level, string message);
