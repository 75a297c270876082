// Compiles one embedded .cu module with NVRTC for a compute capability: a CUBIN (sm_XY) when this NVRTC
// supports the device's architecture, else PTX for the newest architecture it supports (the driver
// finishes the job). Results go through KernelCache. Header-free sources: no include path is needed.
using System.Runtime.InteropServices;
using System.Text;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Compilation;

internal static unsafe class KernelCompiler
{
    /// <summary>Options every module is compiled with (part of the cache key). No fast-math: accuracy first.</summary>
    public static readonly string[] Options = ["--std=c++17", "--fmad=true", "-lineinfo"];

    public static string NvrtcVersion()
    {
        Nvrtc.Check(Nvrtc.nvrtcVersion(out var major, out var minor));
        return $"{major}.{minor}";
    }

    /// <summary>The architectures this NVRTC can emit code for (e.g. 75, 80, …, 120).</summary>
    public static int[] SupportedArchitectures()
    {
        Nvrtc.Check(Nvrtc.nvrtcGetNumSupportedArchs(out var count));
        var archs = new int[count];
        fixed (int* p = archs) Nvrtc.Check(Nvrtc.nvrtcGetSupportedArchs(p));
        return archs;
    }

    /// <summary>"sm_XY" when NVRTC supports the device's own architecture, else "compute_XY" of the newest one below it.</summary>
    public static string TargetFor(int major, int minor)
    {
        int arch = major * 10 + minor;
        var supported = SupportedArchitectures();
        if (supported.Contains(arch)) return $"sm_{arch}";
        var below = supported.Where(a => a <= arch).DefaultIfEmpty(0).Max();
        if (below == 0)
            throw new CudaException($"NVRTC {NvrtcVersion()} cannot compile for compute capability {major}.{minor} (it supports {string.Join(", ", supported)})");
        return $"compute_{below}";
    }

    /// <param name="extraOptions">more NVRTC options (e.g. "--ptxas-options=-v" for the resource report in the log); part of the cache key.</param>
    public static CompiledModule Compile(string module, string target, KernelCache cache, IReadOnlyList<string>? extraOptions = null)
    {
        var source = KernelSources.Source(module);
        var header = KernelSources.Header;
        var options = extraOptions is null ? Options : [.. Options, .. extraOptions];
        var key = KernelCache.Key(module, source, header, string.Join(" ", options), target, NvrtcVersion());
        bool cubin = target.StartsWith("sm_", StringComparison.Ordinal);
        var path = cache.PathFor(module, target, key, cubin);
        var cached = cache.TryRead(path);
        if (cached is not null) return new CompiledModule(module, target, cached, cubin, FromCache: true, Log: "");

        var compiled = CompileNow(module, source, header, options, target, cubin);
        cache.TryWrite(path, compiled.Image);
        return compiled;
    }

    private static CompiledModule CompileNow(string module, string source, string header, string[] compileOptions, string target, bool cubin)
    {
        var strings = new List<nint>();
        nint Utf8(string s)
        {
            var p = Marshal.StringToCoTaskMemUTF8(s);
            strings.Add(p);
            return p;
        }
        try
        {
            byte* headerSource = (byte*)Utf8(header);
            byte* headerName = (byte*)Utf8(KernelSources.CommonHeader);
            Nvrtc.Check(Nvrtc.nvrtcCreateProgram(out var raw, (byte*)Utf8(source), (byte*)Utf8(module + ".cu"), 1, &headerSource, &headerName));
            using var program = new NvrtcProgramHandle(raw);
            var options = compileOptions.Append($"--gpu-architecture={target}").Select(o => Utf8(o)).ToArray();
            int status;
            fixed (nint* opts = options)
                status = Nvrtc.nvrtcCompileProgram(program.Value, options.Length, (byte**)opts);
            var log = ReadLog(program.Value);
            if (status != 0)
                throw new CudaException($"NVRTC {NvrtcVersion()} could not compile Kernels/{module}.cu for {target}:\n{log.Trim()}");

            byte[] image;
            if (cubin)
            {
                Nvrtc.Check(Nvrtc.nvrtcGetCUBINSize(program.Value, out var size));
                image = new byte[(int)size];
                fixed (byte* p = image) Nvrtc.Check(Nvrtc.nvrtcGetCUBIN(program.Value, p));
            }
            else
            {
                Nvrtc.Check(Nvrtc.nvrtcGetPTXSize(program.Value, out var size));
                image = new byte[(int)size];   // includes the terminating NUL cuModuleLoadData needs
                fixed (byte* p = image) Nvrtc.Check(Nvrtc.nvrtcGetPTX(program.Value, p));
            }
            return new CompiledModule(module, target, image, cubin, FromCache: false, Log: log);
        }
        finally
        {
            foreach (var p in strings) Marshal.FreeCoTaskMem(p);
        }
    }

    private static string ReadLog(nint program)
    {
        if (Nvrtc.nvrtcGetProgramLogSize(program, out var size) != 0 || size <= 1) return "";
        var buffer = new byte[(int)size];
        fixed (byte* p = buffer)
            if (Nvrtc.nvrtcGetProgramLog(program, p) != 0) return "";
        return Encoding.UTF8.GetString(buffer, 0, buffer.Length - 1);
    }
}
