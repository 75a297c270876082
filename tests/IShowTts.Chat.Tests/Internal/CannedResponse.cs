// What the LocalHttpServer answers: a status code and a JSON body.
namespace IShowTts.Chat.Tests.Internal;

internal sealed record CannedResponse(int Status, string Body);
