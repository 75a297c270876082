namespace IShowTts.Ops.Nvml;

/// <summary>An NVML call failed: the message names the call and NVML's own explanation.</summary>
public sealed class NvmlException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
