// A failed CUDA driver, NVRTC or cuBLASLt call: names the call as written in our source, the library's
// error name and its message. Thrown by the Check helpers of the binding classes (Native/*), never built
// by hand elsewhere; "no GPU here" is reported by CudaBackend.TryCreate as a reason string instead.
namespace IShowTts.Engine.Backends.Cuda;

public sealed class CudaException : Exception
{
    public CudaException(string library, string call, int status, string statusName, string message)
        : base($"{library} call {call} failed: {statusName} ({status}): {message}")
    {
        Library = library;
        Call = call;
        Status = status;
        StatusName = statusName;
    }

    public CudaException(string message) : base(message)
    {
        Library = "";
        Call = "";
        StatusName = "";
    }

    /// <summary>"CUDA driver", "NVRTC" or "cuBLASLt".</summary>
    public string Library { get; }

    /// <summary>The failing call as written in the source (CallerArgumentExpression).</summary>
    public string Call { get; }

    public int Status { get; }

    public string StatusName { get; }
}
