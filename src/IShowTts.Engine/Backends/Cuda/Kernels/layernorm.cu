// layernorm.cu: LayerNorm over the last dimension, one block per row, statistics in float with two
// passes (mean, then biased variance) so fp16 rows cannot overflow or cancel. Optional affine
// (gamma, beta) and optional DiT modulation y = LN(x)(1 + scale) + shift. y may alias x.
//   v1: one block of 256 threads per row, three reads of the row (the last two from cache).
#include "common.cu"

extern "C" __global__ void __launch_bounds__(256) layernorm(void* y, int ty, const void* x, int tx,
    const void* gamma, int tg, const void* beta, int tb, const void* shift, int tsh, const void* scale, int tsc,
    int rows, int c, float eps)
{
    __shared__ float scratch[32];
    int row = blockIdx.x;
    if (row >= rows) return;
    i64 base = (i64)row * c;
    float sum = 0.0f;
    for (int i = threadIdx.x; i < c; i += blockDim.x) sum += load(x, base + i, tx);
    float mean = block_sum(sum, scratch) / c;
    float sq = 0.0f;
    for (int i = threadIdx.x; i < c; i += blockDim.x)
    {
        float d = load(x, base + i, tx) - mean;
        sq += d * d;
    }
    float var = block_sum(sq, scratch) / c;
    float inv = 1.0f / sqrtf(var + eps);
    for (int i = threadIdx.x; i < c; i += blockDim.x)
    {
        float v = (load(x, base + i, tx) - mean) * inv;
        if (gamma) v *= load(gamma, i, tg);
        if (beta) v += load(beta, i, tb);
        if (scale) v = v * (load(scale, i, tsc) + 1.0f) + load(shift, i, tsh);
        store(y, base + i, ty, v);
    }
}
