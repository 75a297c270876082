// The server refuses to start: the message says why and what to change (e.g. a public bind address
// with no API keys). The CLI prints it as is, without a stack trace.
namespace IShowTts.Server;

public sealed class ServerStartException(string message) : Exception(message);
