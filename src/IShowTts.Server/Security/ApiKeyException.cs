// A key store operation that cannot be done (duplicate name, unknown scope, unreadable keys file); the
// message says which and why, for `ishowtts keys` to print.
namespace IShowTts.Server.Security;

public sealed class ApiKeyException(string message, Exception? inner = null) : Exception(message, inner);
