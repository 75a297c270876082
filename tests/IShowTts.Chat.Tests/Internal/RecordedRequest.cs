// One request the LocalHttpServer received: method, path, query, Authorization header and body.
using System.Collections.Specialized;

namespace IShowTts.Chat.Tests.Internal;

internal sealed record RecordedRequest(string Method, string Path, NameValueCollection Query, string? Authorization, string Body);
