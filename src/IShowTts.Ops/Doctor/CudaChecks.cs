// doctor's CUDA check: whether the backend can open the GPU — the driver, NVRTC and cuBLASLt found and
// loaded, the device initialised, the kernels compiled (cached after the first time). Skipped when there
// is no NVIDIA driver at all (a CPU machine); failed when the driver is there but a library is missing.
using IShowTts.Engine.Backends.Cuda;

namespace IShowTts.Ops.Doctor;

public static class CudaChecks
{
    public static DoctorCheck Run()
    {
        int count = CudaDevices.Count(out var reason);
        if (count == 0 && reason.Contains("libcuda", StringComparison.OrdinalIgnoreCase))
            return new DoctorCheck("gpu", "CUDA libraries", CheckStatus.Skipped, $"{reason}; the CPU backend is used");
        if (count == 0)
            return new DoctorCheck("gpu", "CUDA libraries", CheckStatus.Failed, reason, "check the driver with `nvidia-smi`");
        if (!CudaBackend.TryCreate(out var backend, out reason))
            return new DoctorCheck("gpu", "CUDA libraries", CheckStatus.Failed, reason,
                "install NVRTC and cuBLASLt of the driver's CUDA major version (Debian/Ubuntu: cuda-nvrtc-13-0 libcublas-13-0), " +
                "or point ISHOWTTS_CUDA_LIB_DIR at their folder");
        using (backend)
            return new DoctorCheck("gpu", "CUDA libraries", CheckStatus.Ok, $"{backend!.Device.Name}: {backend.Device.Details}");
    }
}
