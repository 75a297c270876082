// Every kernel of Kernels/*.cu, compiled for the device (or read from the kernel cache), loaded as one
// CUmodule per .cu and looked up by name once. The backend launches through these handles only.
using System.Diagnostics;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Compilation;

internal sealed unsafe class CudaKernels : IDisposable
{
    private readonly List<CudaModuleHandle> _modules = [];
    private readonly Dictionary<string, nint> _functions = new(StringComparer.Ordinal);

    public CudaKernels(nint context, int major, int minor, KernelCache cache)
    {
        var clock = Stopwatch.StartNew();
        Target = KernelCompiler.TargetFor(major, minor);
        try
        {
            foreach (var module in KernelSources.Modules)
            {
                var target = KernelSources.TargetFor(module, Target);
                if (target is null) continue;
                var compiled = KernelCompiler.Compile(module, target, cache);
                if (compiled.FromCache) FromCache++;
                else Compiled++;
                nint raw;
                fixed (byte* image = compiled.Image) CudaDriver.Check(CudaDriver.cuModuleLoadData(out raw, image));
                _modules.Add(new CudaModuleHandle(raw, context));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        LoadMilliseconds = clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>"sm_90" or "compute_XY" when the device is newer than NVRTC.</summary>
    public string Target { get; }

    public int Compiled { get; }

    public int FromCache { get; }

    public double LoadMilliseconds { get; }

    /// <summary>True when the sm_90a-only modules (wgmma kernels) were compiled and loaded.</summary>
    public bool HasSm90a => Target == "sm_90";

    /// <summary>The CUfunction of an extern "C" kernel, from whichever module defines it.</summary>
    public nint this[string name]
    {
        get
        {
            if (_functions.TryGetValue(name, out var f)) return f;
            foreach (var module in _modules)
            {
                if (CudaDriver.cuModuleGetFunction(out f, module.Value, name) != 0) continue;
                _functions[name] = f;
                return f;
            }
            throw new CudaException($"no kernel named {name} in Kernels/*.cu");
        }
    }

    public void Dispose()
    {
        _functions.Clear();
        foreach (var m in _modules) m.Dispose();
        _modules.Clear();
    }
}
