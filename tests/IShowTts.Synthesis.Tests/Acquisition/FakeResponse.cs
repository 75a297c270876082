// What the fake hub answers; CutAfter stops the body after that many bytes, as a dropped connection would.
namespace IShowTts.Synthesis.Tests.Acquisition;

internal sealed record FakeResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, long? CutAfter = null);
