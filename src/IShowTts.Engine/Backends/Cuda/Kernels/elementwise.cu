// elementwise.cu: one pass over memory per op, any element type in and out (run-time codes; the branch
// is uniform so it costs nothing next to the memory traffic). Kernels:
//   ew_convert        Copy between any two element types.
//   ew_fill           Fill with one value.
//   ew_add            y = a + b.
//   ew_activate       y = act(x).
//   ew_gated_add      x (rows, c) += gate (c) * a (rows, c).
//   ew_linear_epilogue y = [y +] [gate *] act(t + bias): what cuBLASLt cannot fuse (gates, exact GELU,
//                     SiLU, Mish); t is the GEMM result (float scratch) or y itself.
//   ew_gate_vectors   float gate and gate ⊙ bias for the alpha-vector gated-residual GEMM.
//   ew_gate_weights   gate-scaled weight rows and gate ⊙ bias for the default gated-residual GEMM.
//   ew_zero_padded    zero frames t >= lens[item] of x (b, n, c); lens by value (64 items per launch).
//   v1: plain grid-stride loops, one element per thread step (M1, correctness first).
#include "common.cu"

extern "C" __global__ void ew_convert(void* y, int ty, const void* x, int tx, i64 count)
{
    GRID_LOOP(i, count) store(y, i, ty, load(x, i, tx));
}

extern "C" __global__ void ew_fill(void* y, int ty, float value, i64 count)
{
    GRID_LOOP(i, count) store(y, i, ty, value);
}

extern "C" __global__ void ew_add(void* y, int ty, const void* a, int ta, const void* b, int tb, i64 count)
{
    GRID_LOOP(i, count) store(y, i, ty, load(a, i, ta) + load(b, i, tb));
}

extern "C" __global__ void ew_activate(void* y, int ty, const void* x, int tx, i64 count, int act)
{
    GRID_LOOP(i, count) store(y, i, ty, apply_activation(load(x, i, tx), act));
}

extern "C" __global__ void ew_gated_add(void* x, int tx, const void* a, int ta, const void* gate, int tg, i64 rows, int c)
{
    GRID_LOOP(i, rows * c)
    {
        int col = (int)(i % c);
        store(x, i, tx, load(a, i, ta) * load(gate, col, tg) + load(x, i, tx));
    }
}

extern "C" __global__ void ew_linear_epilogue(void* y, int ty, const void* t, int tt, const void* bias, int tb,
    const void* gate, int tg, i64 rows, int o, int act, int accumulate)
{
    GRID_LOOP(i, rows * o)
    {
        int col = (int)(i % o);
        float v = load(t, i, tt);
        if (bias) v += load(bias, col, tb);
        v = apply_activation(v, act);
        if (gate) v = accumulate ? v * load(gate, col, tg) + load(y, i, ty) : v * load(gate, col, tg);
        else if (accumulate) v = load(y, i, ty) + v;
        store(y, i, ty, v);
    }
}

struct Lengths64 { int v[64]; };

extern "C" __global__ void ew_zero_padded(void* x, int tx, Lengths64 lens, int items, int n, int c)
{
    i64 perItem = (i64)n * c;
    GRID_LOOP(i, perItem * items)
    {
        int item = (int)(i / perItem);
        int t = (int)((i % perItem) / c);
        int valid = min(max(lens.v[item], 0), n);
        if (t >= valid) store(x, i, tx, 0.0f);
    }
}

// The gated residual's GEMM operands: alpha (o) = gate as float (cuBLASLt's alpha vector) and
// gatedBias (o) = gate ⊙ bias in the output's element type (when there is a bias).
extern "C" __global__ void ew_gate_vectors(float* alpha, void* gatedBias, int tgb, const void* gate, int tg,
    const void* bias, int tb, int o)
{
    GRID_LOOP(i, (i64)o)
    {
        float g = load(gate, i, tg);
        alpha[i] = g;
        if (bias) store(gatedBias, i, tgb, g * load(bias, i, tb));
    }
}

// The gated residual as a plain GEMM: wg (o, i) = gate (o) ⊙ w (o, i) by rows and gatedBias (o) = gate ⊙ bias
// (when there is a bias), all in w's 16-bit type; i % 8 == 0, 16-byte aligned w and wg (8 elements a step).
extern "C" __global__ void ew_gate_weights(void* wg, const void* w, int tw, const void* gate, int tg,
    void* gatedBias, const void* bias, int tb, int o, int i)
{
    const int chunksPerRow = i >> 3;
    GRID_LOOP(c, (i64)o * chunksPerRow)
    {
        int row = (int)c / chunksPerRow;
        float g = load(gate, row, tg), v[8];
        unpack8(((const uint4*)w)[c], tw, v);
#pragma unroll
        for (int e = 0; e < 8; e++) v[e] *= g;
        ((uint4*)wg)[c] = pack8(v, tw);
    }
    if (bias)
        GRID_LOOP(r, (i64)o) store(gatedBias, r, tw, load(gate, r, tg) * load(bias, r, tb));
}
