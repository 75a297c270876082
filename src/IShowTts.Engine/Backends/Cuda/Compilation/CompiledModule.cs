// The output of one NVRTC compilation: a CUBIN for the device's own architecture, or PTX (null
// terminated) for a newer device than this NVRTC knows, which the driver then compiles on load.
namespace IShowTts.Engine.Backends.Cuda.Compilation;

/// <param name="Target">"sm_90" (CUBIN) or "compute_90" (PTX).</param>
/// <param name="FromCache">Read from the disk cache instead of compiled now.</param>
internal sealed record CompiledModule(string Module, string Target, byte[] Image, bool IsCubin, bool FromCache, string Log);
