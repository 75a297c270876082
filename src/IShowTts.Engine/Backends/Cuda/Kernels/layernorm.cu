// layernorm.cu: LayerNorm over the last dimension, one block per row, statistics in float with two
// passes (mean, then biased variance) so fp16 rows cannot overflow or cancel. Optional affine
// (gamma, beta) and optional DiT modulation y = LN(x)(1 + scale) + shift. y may alias x.
//   v1 layernorm: one block of 256 threads per row, three reads of the row (the last two from cache);
//      any element types, any c. 18–20 µs at W1 (2652 x 1024 f16).
//   v2 layernorm_vec: one warp per row, the row held in registers (16-byte loads, c % 256 == 0,
//      c <= 2048), x, y and every given parameter of one 16-bit type: one read and one write.
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

// v2: f16/bf16 rows of c = 256·k (k ≤ 8) elements, 8 rows per block of 256 threads.
extern "C" __global__ void __launch_bounds__(256) layernorm_vec(void* y, const void* x, int dt,
    const void* gamma, const void* beta, const void* shift, const void* scale, int rows, int c, float eps)
{
    const int row = (int)((blockIdx.x * (i64)blockDim.x + threadIdx.x) >> 5), lane = threadIdx.x & 31;
    if (row >= rows) return;
    const int chunks = c >> 8;
    const uint4* xr = (const uint4*)((const u16*)x + (i64)row * c);
    float v[8][8];
    float sum = 0.0f;
#pragma unroll
    for (int k = 0; k < 8; k++)
    {
        if (k >= chunks) break;
        unpack8(xr[k * 32 + lane], dt, v[k]);
#pragma unroll
        for (int e = 0; e < 8; e++) sum += v[k][e];
    }
    const float mean = warp_sum(sum) / c;
    float sq = 0.0f;
#pragma unroll
    for (int k = 0; k < 8; k++)
    {
        if (k >= chunks) break;
#pragma unroll
        for (int e = 0; e < 8; e++)
        {
            float d = v[k][e] - mean;
            sq += d * d;
        }
    }
    const float inv = 1.0f / sqrtf(warp_sum(sq) / c + eps);
    uint4* yr = (uint4*)((u16*)y + (i64)row * c);
#pragma unroll
    for (int k = 0; k < 8; k++)
    {
        if (k >= chunks) break;
        const int at = k * 32 + lane;
        float p[8], out[8];
#pragma unroll
        for (int e = 0; e < 8; e++) out[e] = (v[k][e] - mean) * inv;
        if (gamma)
        {
            unpack8(((const uint4*)gamma)[at], dt, p);
#pragma unroll
            for (int e = 0; e < 8; e++) out[e] *= p[e];
        }
        if (beta)
        {
            unpack8(((const uint4*)beta)[at], dt, p);
#pragma unroll
            for (int e = 0; e < 8; e++) out[e] += p[e];
        }
        if (scale)
        {
            float sh[8];
            unpack8(((const uint4*)scale)[at], dt, p);
            unpack8(((const uint4*)shift)[at], dt, sh);
#pragma unroll
            for (int e = 0; e < 8; e++) out[e] = out[e] * (p[e] + 1.0f) + sh[e];
        }
        yr[at] = pack8(out, dt);
    }
}
