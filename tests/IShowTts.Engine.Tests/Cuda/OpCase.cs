// One row of the cross-backend op table: a name that says op, shape and element type, and the body that
// builds inputs through an OpRun, runs the op and returns the tensor to compare.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Tests.Cuda;

internal sealed record OpCase(string Name, DType Type, Func<OpRun, Tensor> Run)
{
    /// <summary>Relative L2 bound against the CPU backend: 1e-5 for F32 storage, 1e-2 for F16/BF16.</summary>
    public double Tolerance => Type == DType.F32 ? 1e-5 : 1e-2;

    public override string ToString() => Name;
}
