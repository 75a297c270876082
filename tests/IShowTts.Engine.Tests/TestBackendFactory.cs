using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Tests;

internal static class TestBackendFactory
{
    public static IBackend CreateNamed(string name) =>
        throw new InvalidOperationException($"ISHOWTTS_TEST_BACKEND={name}: no such backend in this build");
}
