namespace IShowTts.Engine.Tensors;

public enum DeviceKind
{
    Cpu,
    Cuda,
}

/// <summary>What a backend runs on: shown by `ishowtts doctor`, `/metrics` and the bench.</summary>
/// <param name="Name">e.g. "CPU (2 cores, OpenBLAS 0.3.21)" or "NVIDIA H100 80GB HBM3".</param>
/// <param name="TotalMemoryBytes">Device memory, or 0 when not meaningful (CPU).</param>
public sealed record DeviceInfo(DeviceKind Kind, string Name, long TotalMemoryBytes, string Details);
