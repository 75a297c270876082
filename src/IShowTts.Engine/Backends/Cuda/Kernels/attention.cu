// attention.cu: unmasked multi-head attention y (b, n, h*dh) = softmax(q k^T / sqrt(dh)) v, reading q, k
// and v straight from the packed qkv (b, n, 3, h, dh) buffer. Flash-style: keys in tiles of 32 through
// shared memory, online softmax in float (running max and sum per query), float accumulators.
//   attention_simple (v1, M1): CUDA cores only. A block is 4 warps x 4 queries; lane j scores key j of
//   the tile, then each lane accumulates the output dimensions lane, lane+32, ... (dh <= 128).
//   Correct for any n and dh in 1..128; the tensor-core version (mma.sync / wgmma) is M2 work.
#include "common.cu"

#define KT 32
#define QPW 4
#define WARPS 4

extern "C" __global__ void __launch_bounds__(128) attention_simple(void* y, int ty, const void* qkv, int tq,
    int n, int h, int dh, float scaleLog2e)
{
    extern __shared__ float smem[];
    float* ks = smem;                   // KT x (dh + 1): the +1 keeps lane j's reads of row j conflict-free
    float* vs = ks + KT * (dh + 1);     // KT x dh
    float* qs = vs + KT * dh;           // WARPS*QPW x dh, pre-scaled by log2(e)/sqrt(dh)
    const int head = blockIdx.y, item = blockIdx.z;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int q0 = blockIdx.x * (WARPS * QPW);
    const i64 rowStride = 3LL * h * dh;
    const i64 base = (i64)item * n * rowStride + (i64)head * dh;
    const i64 kOff = (i64)h * dh, vOff = 2LL * h * dh;
    const float negInf = __int_as_float(0xff800000);

    for (int e = threadIdx.x; e < WARPS * QPW * dh; e += blockDim.x)
    {
        int qi = e / dh, d = e % dh, t = q0 + qi;
        qs[e] = t < n ? load(qkv, base + t * rowStride + d, tq) * scaleLog2e : 0.0f;
    }

    float m[QPW], l[QPW], acc[QPW][4];
#pragma unroll
    for (int qi = 0; qi < QPW; qi++)
    {
        m[qi] = negInf;
        l[qi] = 0.0f;
#pragma unroll
        for (int r = 0; r < 4; r++) acc[qi][r] = 0.0f;
    }

    const float* qw = qs + warp * QPW * dh;
    for (int k0 = 0; k0 < n; k0 += KT)
    {
        __syncthreads();
        for (int e = threadIdx.x; e < KT * dh; e += blockDim.x)
        {
            int j = e / dh, d = e % dh, t = k0 + j;
            float kv = 0.0f, vv = 0.0f;
            if (t < n)
            {
                kv = load(qkv, base + t * rowStride + kOff + d, tq);
                vv = load(qkv, base + t * rowStride + vOff + d, tq);
            }
            ks[j * (dh + 1) + d] = kv;
            vs[j * dh + d] = vv;
        }
        __syncthreads();

        const bool valid = k0 + lane < n;
        float s[QPW];
#pragma unroll
        for (int qi = 0; qi < QPW; qi++) s[qi] = 0.0f;
        const float* krow = ks + lane * (dh + 1);
        for (int d = 0; d < dh; d++)
        {
            float kd = krow[d];
#pragma unroll
            for (int qi = 0; qi < QPW; qi++) s[qi] += qw[qi * dh + d] * kd;
        }
#pragma unroll
        for (int qi = 0; qi < QPW; qi++)
        {
            float sv = valid ? s[qi] : negInf;
            float mNew = fmaxf(m[qi], warp_max(sv));
            float p = valid ? exp2f(sv - mNew) : 0.0f;
            float corr = exp2f(m[qi] - mNew);
            l[qi] = l[qi] * corr + warp_sum(p);
            m[qi] = mNew;
            s[qi] = p;
#pragma unroll
            for (int r = 0; r < 4; r++) acc[qi][r] *= corr;
        }
        const int keys = min(KT, n - k0);
        for (int j = 0; j < keys; j++)
        {
            float v[4];
#pragma unroll
            for (int r = 0; r < 4; r++)
            {
                int d = lane + 32 * r;
                v[r] = d < dh ? vs[j * dh + d] : 0.0f;
            }
#pragma unroll
            for (int qi = 0; qi < QPW; qi++)
            {
                float pj = __shfl_sync(0xffffffffu, s[qi], j);
#pragma unroll
                for (int r = 0; r < 4; r++) acc[qi][r] += pj * v[r];
            }
        }
    }

    const i64 hd = (i64)h * dh;
#pragma unroll
    for (int qi = 0; qi < QPW; qi++)
    {
        int t = q0 + warp * QPW + qi;
        if (t >= n) continue;
        float inv = 1.0f / l[qi];
#pragma unroll
        for (int r = 0; r < 4; r++)
        {
            int d = lane + 32 * r;
            if (d < dh) store(y, ((i64)item * n + t) * hd + (i64)head * dh + d, ty, acc[qi][r] * inv);
        }
    }
}
