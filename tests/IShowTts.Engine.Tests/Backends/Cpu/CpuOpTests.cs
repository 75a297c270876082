// Each CPU op on small inputs checked by hand (or against a direct formula), so a failing parity test
// can be traced to one op.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Tests.Backends.Cpu;

public sealed class CpuOpTests
{
    private readonly CpuBackend _be = new();

    private Tensor T(float[] data, params int[] shape) => _be.FromHost(DType.F32, data, shape);

    [Fact]
    public void LinearComputesXWTransposedPlusBias()
    {
        var x = T([1, 2, 3, 4], 2, 2);            // rows (1,2), (3,4)
        var w = T([1, 0, 0, 1, 1, 1], 3, 2);      // outputs: x0, x1, x0+x1
        var b = T([10, 20, 30], 3);
        var y = _be.Allocate(2, 3);
        _be.Linear(y, x, w, b, 2, 2, 3, Epilogue.None);
        Assert.Equal([11f, 22, 33, 13, 24, 37], _be.ToArray(y));
    }

    [Fact]
    public void LinearGatedResidualAddsGateTimesOutput()
    {
        var x = T([1, 2], 1, 2);
        var w = T([1, 1, 2, 0], 2, 2);            // 3, 2
        var gate = T([0.5f, -1], 2);
        var y = T([100, 100], 1, 2);
        _be.Linear(y, x, w, null, 1, 2, 2, Epilogue.GatedResidual(gate));
        Assert.Equal([101.5f, 98], _be.ToArray(y));
    }

    [Fact]
    public void LayerNormModulateNormalisesThenScalesAndShifts()
    {
        var x = T([1, 2, 3, 4], 1, 4);           // mean 2.5, var 1.25
        var y = _be.Allocate(1, 4);
        _be.LayerNormModulate(y, x, T([1, 1, 1, 1], 4), T([1, 1, 1, 1], 4), 1, 4, 0f);
        var inv = 1 / MathF.Sqrt(1.25f);
        var expected = new[] { -1.5f, -0.5f, 0.5f, 1.5f }.Select(v => v * inv * 2 + 1).ToArray();
        Assert.Equal(expected, _be.ToArray(y), (a, b) => MathF.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void DepthwiseConvPadsWithZerosPerChannel()
    {
        // one item, 3 frames, 1 channel, kernel 3 = [1, 2, 3], bias 0: y[t] = x[t-1] + 2x[t] + 3x[t+1]
        var x = T([1, 10, 100], 1, 3, 1);
        var y = _be.Allocate(1, 3, 1);
        _be.DepthwiseConv1d(y, x, T([1, 2, 3], 1, 3), T([0], 1), 1, 3, 1, 3);
        Assert.Equal([32f, 321, 210], _be.ToArray(y));
    }

    [Fact]
    public void GroupedConvMatchesDirectSum()
    {
        int n = 5, ci = 4, co = 4, k = 3, groups = 2;
        var rng = new Random(3);
        var xs = Enumerable.Range(0, n * ci).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var ws = Enumerable.Range(0, co * (ci / groups) * k).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var bs = new float[] { 0.1f, 0.2f, 0.3f, 0.4f };
        var y = _be.Allocate(1, n, co);
        _be.Conv1d(y, T(xs, 1, n, ci), T(ws, co, ci / groups, k), T(bs, co), 1, n, ci, co, k, groups, Activation.None);
        var actual = _be.ToArray(y);
        for (int t = 0; t < n; t++)
            for (int o = 0; o < co; o++)
            {
                int g = o / (co / groups);
                double sum = bs[o];
                for (int ic = 0; ic < ci / groups; ic++)
                    for (int tap = 0; tap < k; tap++)
                    {
                        int src = t + tap - k / 2;
                        if (src >= 0 && src < n) sum += ws[(o * (ci / groups) + ic) * k + tap] * xs[src * ci + g * (ci / groups) + ic];
                    }
                Assert.True(Math.Abs(sum - actual[t * co + o]) < 1e-5, $"t={t} o={o}: {sum} vs {actual[t * co + o]}");
            }
    }

    [Fact]
    public void RotaryRotatesInterleavedPairsByPositionTimesFrequency()
    {
        // b=1, n=2, h=1, dh=2: one pair, inv_freq = 1; position 1 rotates by 1 radian; v untouched.
        var qkv = T([1, 0, 1, 0, 5, 6, 1, 0, 0, 1, 7, 8], 1, 2, 6);
        _be.Rotary(qkv, 1, 2, 1, 2, 1);
        var r = _be.ToArray(qkv);
        Assert.Equal([1f, 0, 1, 0, 5, 6], r[..6]);
        Assert.Equal(MathF.Cos(1), r[6], 6);
        Assert.Equal(MathF.Sin(1), r[7], 6);
        Assert.Equal(-MathF.Sin(1), r[8], 6);
        Assert.Equal(MathF.Cos(1), r[9], 6);
        Assert.Equal([7f, 8], r[10..]);
    }

    [Fact]
    public void AttentionWithEqualKeysAveragesValues()
    {
        // n=2, h=1, dh=1: identical keys → uniform weights → each output is the mean of v.
        var qkv = T([1, 1, 2, 3, 1, 6], 1, 2, 3);
        var y = _be.Allocate(1, 2, 1);
        _be.Attention(y, qkv, 1, 2, 1, 1);
        Assert.Equal([4f, 4], _be.ToArray(y));
    }

    [Fact]
    public void GrnNormalisesByTheL2NormOverTime()
    {
        // one item, 2 frames, 2 channels: G = (5, 0) → mean 2.5 → N = (2, 0).
        var x = T([3, 0, 4, 0], 1, 2, 2);
        _be.Grn(x, T([1, 1], 2), T([0.5f, 0.5f], 2), 1, 2, 2);
        Assert.Equal([3 * 2 + 0.5f + 3, 0.5f, 4 * 2 + 0.5f + 4, 0.5f], _be.ToArray(x), (a, b) => MathF.Abs(a - b) < 1e-4f);
    }

    [Fact]
    public void EulerCfgStepCombinesConditionalAndUnconditional()
    {
        var y = T([1, 1], 2);
        var v = T([2, 4, 1, 1], 4);
        _be.EulerCfgStep(y, v, 2, 0.5f, 2f, packed: true);
        // y + 0.5·(vc + (vc − vu)·2) = 1 + 0.5·(2 + 2) , 1 + 0.5·(4 + 6)
        Assert.Equal([3f, 6], _be.ToArray(y));
    }

    [Fact]
    public void ManagedGemmMatchesOpenBlasOnStridedTransposedInputs()
    {
        if (!CpuBackend.UsesBlas) Assert.Skip("OpenBLAS is not installed: nothing to compare the managed GEMM with");
        var x = _be.FromHost(DType.F32, Enumerable.Range(0, 6 * 40).Select(i => MathF.Sin(i)).ToArray(), 6, 40);
        var w = _be.FromHost(DType.F32, Enumerable.Range(0, 7 * 40).Select(i => MathF.Cos(i * 0.3f)).ToArray(), 7, 40);
        var blas = _be.Allocate(6, 7);
        var managed = _be.Allocate(6, 7);
        _be.Linear(blas, x, w, null, 6, 40, 7, Epilogue.None);
        IShowTts.Engine.Backends.Cpu.Blas.Gemm.UseBlas = false;
        try { _be.Linear(managed, x, w, null, 6, 40, 7, Epilogue.None); }
        finally { IShowTts.Engine.Backends.Cpu.Blas.Gemm.UseBlas = true; }
        Assert.Equal(_be.ToArray(blas), _be.ToArray(managed), (a, b) => MathF.Abs(a - b) < 1e-4f);
    }
}
