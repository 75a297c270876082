// Rotary inverse frequencies passed by value to rotary_interleaved (mirrors struct InvFreq64 in
// rotary.cu): computed on the host with the CPU backend's float formula so both agree bit for bit.
using System.Runtime.CompilerServices;

namespace IShowTts.Engine.Backends.Cuda.Compilation;

[InlineArray(64)]
internal struct InvFreq64
{
    private float _element;
}
