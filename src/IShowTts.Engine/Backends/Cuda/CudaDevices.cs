// Finding a usable GPU: loads the driver, NVRTC and cuBLASLt, initialises CUDA and checks the ordinal.
// Every failure becomes one line a user can act on ("no NVIDIA driver: libcuda.so.1 not found …").
using System.Text;
using IShowTts.Engine.Backends.Cuda.Native;

namespace IShowTts.Engine.Backends.Cuda;

public static unsafe class CudaDevices
{
    /// <summary>How many CUDA devices the driver reports; 0 with a reason when none can be used.</summary>
    public static int Count(out string reason)
    {
        if (!CudaLibraries.TryLoadDriver(out reason)) return 0;
        int status = CudaDriver.cuInit(0);
        if (status != 0)
        {
            reason = $"cuInit failed: {CudaDriver.Error(status, "cuInit(0)").Message}";
            return 0;
        }
        CudaDriver.Check(CudaDriver.cuDeviceGetCount(out var count));
        reason = count == 0 ? "the NVIDIA driver reports no CUDA device" : "";
        return count;
    }

    internal static bool TryOpen(CudaBackendOptions options, out int device, out string name, out string reason)
    {
        device = -1;
        name = "";
        CudaLibraries.ExplicitDirectory = options.LibraryDirectory ?? CudaLibraries.ExplicitDirectory;
        int count = Count(out reason);
        if (count == 0) return false;
        if (options.DeviceOrdinal < 0 || options.DeviceOrdinal >= count)
        {
            reason = $"CUDA device {options.DeviceOrdinal} does not exist ({count} device(s))";
            return false;
        }
        if (!CudaLibraries.TryLoadNvrtc(out reason) || !CudaLibraries.TryLoadCublasLt(out reason)) return false;
        CudaDriver.Check(CudaDriver.cuDeviceGet(out device, options.DeviceOrdinal));
        var buffer = new byte[256];
        fixed (byte* p = buffer) CudaDriver.Check(CudaDriver.cuDeviceGetName(p, buffer.Length, device));
        name = Encoding.UTF8.GetString(buffer, 0, Math.Max(0, Array.IndexOf(buffer, (byte)0)));
        return true;
    }
}
