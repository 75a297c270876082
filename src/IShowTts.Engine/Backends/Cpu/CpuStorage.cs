// CPU tensor memory: one managed float32 array. The CPU backend computes in float32 only; F16/BF16
// weights are widened when uploaded.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cpu;

internal sealed class CpuStorage : TensorStorage
{
    public CpuStorage(long count) : base(DType.F32, count)
    {
        if (count > Array.MaxLength)
            throw new EngineException($"a CPU tensor of {count} elements is larger than one array can hold");
        Data = GC.AllocateUninitializedArray<float>((int)count);
    }

    public float[] Data { get; private set; }

    protected override void Release() => Data = [];
}
