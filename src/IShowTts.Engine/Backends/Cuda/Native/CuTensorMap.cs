// CUtensorMap: the 128 opaque bytes cuTensorMapEncodeTiled fills in and a kernel receives by value
// (a __grid_constant__ parameter) to drive the tensor-copy engine (TMA). Plain data: no native resource.
using System.Runtime.InteropServices;

namespace IShowTts.Engine.Backends.Cuda.Native;

[StructLayout(LayoutKind.Sequential, Size = 128)]
internal unsafe struct CuTensorMap
{
    public fixed ulong Words[16];

    /// <summary>
    /// A 2-D map over a row-major (rows × columns) f16/bf16 matrix at <paramref name="address"/> read in boxes of
    /// <paramref name="boxRows"/> × <paramref name="boxColumns"/>, 128-byte swizzled in shared memory (the layout of
    /// wgmma's 128-byte-swizzle descriptors); rows past the matrix arrive as zeros.
    /// </summary>
    public static CuTensorMap Tiled2D(ulong address, bool bf16, long rows, long columns, int boxRows, int boxColumns)
    {
        var map = new CuTensorMap();
        ulong* dims = stackalloc ulong[2] { (ulong)columns, (ulong)rows };
        ulong* strides = stackalloc ulong[1] { (ulong)columns * 2 };
        uint* box = stackalloc uint[2] { (uint)boxColumns, (uint)boxRows };
        uint* elementStrides = stackalloc uint[2] { 1, 1 };
        int status = CudaDriver.cuTensorMapEncodeTiled(&map, bf16 ? CudaDriver.TensorMapBFloat16 : CudaDriver.TensorMapFloat16, 2, address,
            dims, strides, box, elementStrides, 0, CudaDriver.TensorMapSwizzle128B, CudaDriver.TensorMapL2Promotion128B, 0);
        if (status != 0)
            throw CudaDriver.Error(status, $"cuTensorMapEncodeTiled({rows}x{columns} at 0x{address:x}, box {boxRows}x{boxColumns})");
        return map;
    }
}
