// One execution of one op-table row on one backend: hands out inputs drawn from a seeded generator (the
// CPU and CUDA runs of a row see identical numbers, already rounded to the row's element type) and
// outputs poisoned with NaN (an element the op forgets to write fails the comparison). Owns every
// storage it allocates.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Tests.Cuda;

internal sealed class OpRun(IBackend backend, DType type, int seed) : IDisposable
{
    private readonly Random _random = new(seed);
    private readonly List<TensorStorage> _owned = [];

    public IBackend Backend { get; } = backend;

    /// <summary>The row's element type (the CPU backend stores F32 whatever it is asked for).</summary>
    public DType Type => type;

    /// <summary>Uniform values in [center − spread, center + spread), rounded to the row's element type.</summary>
    public Tensor Input(float spread, params int[] shape) => Input(0f, spread, shape);

    public Tensor Input(float center, float spread, params int[] shape)
    {
        var data = new float[ParameterLayout.CountOf(shape)];
        for (int i = 0; i < data.Length; i++) data[i] = Round(center + spread * (2f * _random.NextSingle() - 1f));
        return Const(data, shape);
    }

    /// <summary>Host values as a tensor of the row's element type (rounded the same on both backends).</summary>
    public Tensor Const(float[] data, params int[] shape)
    {
        var rounded = data.Select(Round).ToArray();
        var t = Backend.Allocate(Type, shape);
        _owned.Add(t.Storage);
        Backend.Upload(t, rounded);
        return t;
    }

    /// <summary>An output tensor filled with NaN.</summary>
    public Tensor Output(params int[] shape)
    {
        var t = Backend.Allocate(Type, shape);
        _owned.Add(t.Storage);
        Backend.Fill(t, float.NaN, t.Count);
        return t;
    }

    public int NextInt(int min, int max) => _random.Next(min, max);

    private float Round(float v) => type switch
    {
        DType.F16 => (float)(Half)v,
        DType.BF16 => BitConverter.UInt32BitsToSingle((BitConverter.SingleToUInt32Bits(v) + 0x7fffu + ((BitConverter.SingleToUInt32Bits(v) >> 16) & 1u)) & 0xffff0000u),
        _ => v,
    };

    public void Dispose()
    {
        foreach (var s in _owned) s.Dispose();
    }
}
