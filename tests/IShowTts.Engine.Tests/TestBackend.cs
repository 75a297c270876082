// The backend parity tests run on: the CPU by default; ISHOWTTS_TEST_BACKEND=cuda runs the same tests
// on the GPU (the device machine), with the fp16 tolerances.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Tests;

internal static class TestBackend
{
    public static string Name => Environment.GetEnvironmentVariable("ISHOWTTS_TEST_BACKEND") ?? "cpu";

    public static bool IsReducedPrecision => Name != "cpu";

    public static IBackend Create() => Name switch
    {
        "cpu" => new CpuBackend(),
        _ => TestBackendFactory.CreateNamed(Name),
    };
}
