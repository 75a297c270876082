// One request as the fake hub received it (header names lower-cased).
namespace IShowTts.Synthesis.Tests.Acquisition;

internal sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
