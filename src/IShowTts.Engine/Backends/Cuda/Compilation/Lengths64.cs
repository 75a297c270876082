// Per-item frame counts passed by value to ew_zero_padded (mirrors struct Lengths64 in elementwise.cu):
// kernel parameters are copied at launch, so no upload and no staging hazard.
using System.Runtime.CompilerServices;

namespace IShowTts.Engine.Backends.Cuda.Compilation;

[InlineArray(64)]
internal struct Lengths64
{
    private int _element;
}
