// Picks the backend for `--device cpu|cuda|auto`: auto takes CUDA when a GPU and its libraries are
// found, else the CPU with one line saying why.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends;

public static class BackendSelector
{
    public static IReadOnlyList<string> Names { get; } = ["auto", "cpu", "cuda"];

    public static IBackend Create(string device, Action<string> log) => device switch
    {
        "cpu" => new CpuBackend(),
        "cuda" => TryCreateCuda(out var cuda, out var reason) ? cuda! : throw new EngineException($"--device cuda: {reason}"),
        "auto" => TryCreateCuda(out var cuda, out var reason) ? cuda! : FallBack(reason, log),
        _ => throw new EngineException($"unknown device '{device}' (use {string.Join(", ", Names)})"),
    };

    private static IBackend FallBack(string reason, Action<string> log)
    {
        log($"no usable GPU ({reason}); running on the CPU");
        return new CpuBackend();
    }

    private static bool TryCreateCuda(out IBackend? backend, out string reason)
    {
        bool ok = Cuda.CudaBackend.TryCreate(out var cuda, out reason);
        backend = cuda;
        return ok;
    }
}
