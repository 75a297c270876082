// attention.cu: unmasked multi-head attention y (b, n, h*dh) = softmax(q k^T / sqrt(dh)) v, reading q, k
// and v straight from the packed qkv (b, n, 3, h, dh) buffer. Flash-style: keys in tiles of 32 through
// shared memory, online softmax in float (running max and sum per query), float accumulators.
//   attention_simple (v1): CUDA cores only. A block is 4 warps x 4 queries; lane j scores key j of
//   the tile, then each lane accumulates the output dimensions lane, lane+32, ... (dh <= 128).
//   Correct for any n, any element type and dh in 1..128: the fallback. 1.8 ms at W1 (8 TFLOP/s).
//   attention_mma_<f16|bf16>_d<16|32|64|128> (v2): FlashAttention-2 style on tensor cores (sm_80+,
//   mma.sync m16n8k16, fp32 accumulators). A block is 4 warps x 16 queries; 64-key tiles of K and V
//   in shared memory (rows padded by 8 halves: conflict-free fragment reads); S = Q K^T and O += P V
//   with the P fragments taken straight from the S accumulators. Needs 16-byte aligned qkv.
//   213 µs at W1 (67 TFLOP/s).
//   attention_fa_<f16|bf16>_d64_w<4|8>[m2] (v3, M2): the same algorithm with a block of W warps x 16·MI
//   queries (w4: 64 rows, w8: 128, w4m2: 128 with two m-tiles per warp, so every K/V fragment loaded
//   from shared memory feeds twice the MMAs, but fewer warps hide latency: 108 µs at W1 against w8's 91),
//   w8s3 (K/V in 3 cp.async stages) and w8b2 (registers capped for 2 blocks per SM), Q/K fragments through ldmatrix,
//   V fragments through ldmatrix.trans (v2 built them from 16-bit loads), K/V tiles double-buffered with
//   cp.async so the next tile loads while this one computes, the softmax scale folded into one FFMA
//   before exp2, P packed to 16 bits as it is computed, key masking only on the last tile, and packed
//   32-bit output stores.
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

#define MMA_KEYS 64
#define MMA_ROWS 64

// Copies rows [t0, t0 + rows) of one head's q, k or v (offset partOff in a packed qkv row) into shared
// memory with row stride DH + 8 halves, 16 bytes per thread step; rows past n are zero.
template <int DH>
__device__ __forceinline__ void load_tile(u16* dst, const u16* qkv, i64 base, i64 rowStride, i64 partOff, int t0, int rows, int n)
{
    const int chunks = rows * (DH / 8);
    for (int c = threadIdx.x; c < chunks; c += blockDim.x)
    {
        int r = c / (DH / 8), d = (c % (DH / 8)) * 8, t = t0 + r;
        uint4 v = make_uint4(0, 0, 0, 0);
        if (t < n) v = *(const uint4*)(qkv + base + (i64)t * rowStride + partOff + d);
        *(uint4*)(dst + r * (DH + 8) + d) = v;
    }
}

template <int DH, bool BF>
__device__ __forceinline__ void attention_mma_body(void* y, int ty, const u16* qkv, int n, int h, float scaleLog2e)
{
#if __CUDA_ARCH__ >= 800
    extern __shared__ __align__(16) u16 tiles[];
    u16* qs = tiles;                                  // MMA_ROWS x (DH + 8)
    u16* ks = qs + MMA_ROWS * (DH + 8);               // MMA_KEYS x (DH + 8)
    u16* vs = ks + MMA_KEYS * (DH + 8);               // MMA_KEYS x (DH + 8)
    const int head = blockIdx.y, item = blockIdx.z;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31, g = lane >> 2, tig = lane & 3;
    const int q0 = blockIdx.x * MMA_ROWS;
    const i64 rowStride = 3LL * h * DH;
    const i64 base = (i64)item * n * rowStride + (i64)head * DH;
    const float negInf = __int_as_float(0xff800000);
    constexpr int KC = DH / 16, DT = DH / 8, NT = MMA_KEYS / 8;

    load_tile<DH>(qs, qkv, base, rowStride, 0, q0, MMA_ROWS, n);
    __syncthreads();
    unsigned qa[KC][4];
    const u16* qw = qs + warp * 16 * (DH + 8);
#pragma unroll
    for (int kc = 0; kc < KC; kc++)
    {
        qa[kc][0] = *(const unsigned*)(qw + g * (DH + 8) + kc * 16 + tig * 2);
        qa[kc][1] = *(const unsigned*)(qw + (g + 8) * (DH + 8) + kc * 16 + tig * 2);
        qa[kc][2] = *(const unsigned*)(qw + g * (DH + 8) + kc * 16 + 8 + tig * 2);
        qa[kc][3] = *(const unsigned*)(qw + (g + 8) * (DH + 8) + kc * 16 + 8 + tig * 2);
    }

    float o[DT][4];
#pragma unroll
    for (int dt = 0; dt < DT; dt++) o[dt][0] = o[dt][1] = o[dt][2] = o[dt][3] = 0.0f;
    float m0 = negInf, m1 = negInf, l0 = 0.0f, l1 = 0.0f;

    for (int k0 = 0; k0 < n; k0 += MMA_KEYS)
    {
        __syncthreads();
        load_tile<DH>(ks, qkv, base, rowStride, (i64)h * DH, k0, MMA_KEYS, n);
        load_tile<DH>(vs, qkv, base, rowStride, 2LL * h * DH, k0, MMA_KEYS, n);
        __syncthreads();

        float s[NT][4];
#pragma unroll
        for (int nt = 0; nt < NT; nt++)
        {
            s[nt][0] = s[nt][1] = s[nt][2] = s[nt][3] = 0.0f;
            const u16* krow = ks + (nt * 8 + g) * (DH + 8);
#pragma unroll
            for (int kc = 0; kc < KC; kc++)
            {
                unsigned b0 = *(const unsigned*)(krow + kc * 16 + tig * 2);
                unsigned b1 = *(const unsigned*)(krow + kc * 16 + 8 + tig * 2);
                mma16816<BF>(s[nt], qa[kc], b0, b1);
            }
        }

        float tileMax0 = negInf, tileMax1 = negInf;
#pragma unroll
        for (int nt = 0; nt < NT; nt++)
        {
#pragma unroll
            for (int e = 0; e < 4; e++)
            {
                int key = k0 + nt * 8 + tig * 2 + (e & 1);
                s[nt][e] = key < n ? s[nt][e] * scaleLog2e : negInf;
            }
            tileMax0 = fmaxf(tileMax0, fmaxf(s[nt][0], s[nt][1]));
            tileMax1 = fmaxf(tileMax1, fmaxf(s[nt][2], s[nt][3]));
        }
        tileMax0 = fmaxf(tileMax0, __shfl_xor_sync(0xffffffffu, tileMax0, 1));
        tileMax0 = fmaxf(tileMax0, __shfl_xor_sync(0xffffffffu, tileMax0, 2));
        tileMax1 = fmaxf(tileMax1, __shfl_xor_sync(0xffffffffu, tileMax1, 1));
        tileMax1 = fmaxf(tileMax1, __shfl_xor_sync(0xffffffffu, tileMax1, 2));
        float mNew0 = fmaxf(m0, tileMax0), mNew1 = fmaxf(m1, tileMax1);
        float corr0 = exp2f(m0 - mNew0), corr1 = exp2f(m1 - mNew1);
        m0 = mNew0;
        m1 = mNew1;
        float sum0 = 0.0f, sum1 = 0.0f;
#pragma unroll
        for (int nt = 0; nt < NT; nt++)
        {
            s[nt][0] = exp2f(s[nt][0] - m0);
            s[nt][1] = exp2f(s[nt][1] - m0);
            s[nt][2] = exp2f(s[nt][2] - m1);
            s[nt][3] = exp2f(s[nt][3] - m1);
            sum0 += s[nt][0] + s[nt][1];
            sum1 += s[nt][2] + s[nt][3];
        }
        l0 = l0 * corr0 + sum0;
        l1 = l1 * corr1 + sum1;
#pragma unroll
        for (int dt = 0; dt < DT; dt++)
        {
            o[dt][0] *= corr0;
            o[dt][1] *= corr0;
            o[dt][2] *= corr1;
            o[dt][3] *= corr1;
        }

#pragma unroll
        for (int kc = 0; kc < MMA_KEYS / 16; kc++)
        {
            unsigned pa[4];
            if (BF)
            {
                pa[0] = pack_bf16x2(s[2 * kc][0], s[2 * kc][1]);
                pa[1] = pack_bf16x2(s[2 * kc][2], s[2 * kc][3]);
                pa[2] = pack_bf16x2(s[2 * kc + 1][0], s[2 * kc + 1][1]);
                pa[3] = pack_bf16x2(s[2 * kc + 1][2], s[2 * kc + 1][3]);
            }
            else
            {
                pa[0] = pack_f16x2(s[2 * kc][0], s[2 * kc][1]);
                pa[1] = pack_f16x2(s[2 * kc][2], s[2 * kc][3]);
                pa[2] = pack_f16x2(s[2 * kc + 1][0], s[2 * kc + 1][1]);
                pa[3] = pack_f16x2(s[2 * kc + 1][2], s[2 * kc + 1][3]);
            }
            const u16* v0 = vs + (kc * 16 + tig * 2) * (DH + 8);
#pragma unroll
            for (int dt = 0; dt < DT; dt++)
            {
                int d = dt * 8 + g;
                unsigned b0 = (unsigned)v0[d] | ((unsigned)v0[(DH + 8) + d] << 16);
                unsigned b1 = (unsigned)v0[8 * (DH + 8) + d] | ((unsigned)v0[9 * (DH + 8) + d] << 16);
                mma16816<BF>(o[dt], pa, b0, b1);
            }
        }
    }

    l0 += __shfl_xor_sync(0xffffffffu, l0, 1);
    l0 += __shfl_xor_sync(0xffffffffu, l0, 2);
    l1 += __shfl_xor_sync(0xffffffffu, l1, 1);
    l1 += __shfl_xor_sync(0xffffffffu, l1, 2);
    const float inv0 = 1.0f / l0, inv1 = 1.0f / l1;
    const int t0 = q0 + warp * 16 + g, t1 = t0 + 8;
    const i64 hd = (i64)h * DH;
#pragma unroll
    for (int dt = 0; dt < DT; dt++)
    {
        int d = dt * 8 + tig * 2;
        if (t0 < n)
        {
            i64 at = ((i64)item * n + t0) * hd + (i64)head * DH + d;
            store(y, at, ty, o[dt][0] * inv0);
            store(y, at + 1, ty, o[dt][1] * inv0);
        }
        if (t1 < n)
        {
            i64 at = ((i64)item * n + t1) * hd + (i64)head * DH + d;
            store(y, at, ty, o[dt][2] * inv1);
            store(y, at + 1, ty, o[dt][3] * inv1);
        }
    }
#endif
}

#define ATTENTION_MMA(NAME, DH, BF) \
    extern "C" __global__ void __launch_bounds__(128) NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) \
    { attention_mma_body<DH, BF>(y, ty, (const u16*)qkv, n, h, scaleLog2e); }

ATTENTION_MMA(attention_mma_f16_d16, 16, false)
ATTENTION_MMA(attention_mma_f16_d32, 32, false)
ATTENTION_MMA(attention_mma_f16_d64, 64, false)
ATTENTION_MMA(attention_mma_f16_d128, 128, false)
ATTENTION_MMA(attention_mma_bf16_d16, 16, true)
ATTENTION_MMA(attention_mma_bf16_d32, 32, true)
ATTENTION_MMA(attention_mma_bf16_d64, 64, true)
ATTENTION_MMA(attention_mma_bf16_d128, 128, true)

// Issues cp.async copies of rows [t0, t0 + rows) of one head's q, k or v into shared memory (row stride
// DH + 8 halves); rows past n are zero-filled with plain stores.
template <int DH>
__device__ __forceinline__ void load_tile_async(u16* dst, const u16* qkv, i64 base, i64 rowStride, i64 partOff, int t0, int rows, int n)
{
#if __CUDA_ARCH__ >= 800
    const int chunks = rows * (DH / 8);
    for (int c = threadIdx.x; c < chunks; c += blockDim.x)
    {
        int r = c / (DH / 8), d = (c % (DH / 8)) * 8, t = t0 + r;
        u16* p = dst + r * (DH + 8) + d;
        if (t < n) cp_async16(p, qkv + base + (i64)t * rowStride + partOff + d);
        else *(uint4*)p = make_uint4(0, 0, 0, 0);
    }
#endif
}

template <int DH, bool BF, int W, int MI, int S>
__device__ __forceinline__ void attention_fa_body(void* y, int ty, const u16* qkv, int n, int h, float scaleLog2e)
{
#if __CUDA_ARCH__ >= 800
    constexpr int LD = DH + 8, ROWS = 16 * MI * W, KEYS = 64, KC = DH / 16, NT = KEYS / 8, DT = DH / 8;
    extern __shared__ __align__(16) u16 tiles[];
    u16* qs = tiles;                                   // ROWS x LD
    u16* kv = qs + ROWS * LD;                          // S stages x (K, V) x KEYS x LD
    const int head = blockIdx.y, item = blockIdx.z;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31, tig = lane & 3;
    const int q0 = blockIdx.x * ROWS;
    const i64 rowStride = 3LL * h * DH;
    const i64 base = (i64)item * n * rowStride + (i64)head * DH;
    const float negInf = __int_as_float(0xff800000);
    const int tilesCount = (n + KEYS - 1) / KEYS;

    load_tile_async<DH>(qs, qkv, base, rowStride, 0, q0, ROWS, n);
    load_tile_async<DH>(kv, qkv, base, rowStride, (i64)h * DH, 0, KEYS, n);
    load_tile_async<DH>(kv + KEYS * LD, qkv, base, rowStride, 2LL * h * DH, 0, KEYS, n);
    cp_async_commit();
#pragma unroll
    for (int st = 1; st < S - 1; st++)
    {
        if (st < tilesCount)
        {
            load_tile_async<DH>(kv + st * 2 * KEYS * LD, qkv, base, rowStride, (i64)h * DH, st * KEYS, KEYS, n);
            load_tile_async<DH>(kv + st * 2 * KEYS * LD + KEYS * LD, qkv, base, rowStride, 2LL * h * DH, st * KEYS, KEYS, n);
        }
        cp_async_commit();
    }

    // Per m-tile mi (16 query rows): rows g and g + 8 of it are this thread's "0" and "1" rows.
    unsigned qa[MI][KC][4];
    float o[MI][DT][4], m[MI][2], l[MI][2];
#pragma unroll
    for (int mi = 0; mi < MI; mi++)
    {
#pragma unroll
        for (int dt = 0; dt < DT; dt++) o[mi][dt][0] = o[mi][dt][1] = o[mi][dt][2] = o[mi][dt][3] = 0.0f;
        m[mi][0] = m[mi][1] = negInf;
        l[mi][0] = l[mi][1] = 0.0f;
    }

    for (int j = 0; j < tilesCount; j++)
    {
        if (j + S - 1 < tilesCount)
        {
            u16* next = kv + ((j + S - 1) % S) * 2 * KEYS * LD;
            load_tile_async<DH>(next, qkv, base, rowStride, (i64)h * DH, (j + S - 1) * KEYS, KEYS, n);
            load_tile_async<DH>(next + KEYS * LD, qkv, base, rowStride, 2LL * h * DH, (j + S - 1) * KEYS, KEYS, n);
        }
        cp_async_commit();
        cp_async_wait<S - 1>();
        __syncthreads();
        if (j == 0)
        {
#pragma unroll
            for (int mi = 0; mi < MI; mi++)
#pragma unroll
                for (int kc = 0; kc < KC; kc++)
                    ldmatrix_x4(qa[mi][kc], qs + ((warp * MI + mi) * 16 + (lane & 15)) * LD + kc * 16 + (lane >> 4) * 8);
        }
        const u16* ks = kv + (j % S) * 2 * KEYS * LD;
        const u16* vs = ks + KEYS * LD;

        float s[MI][NT][4];
#pragma unroll
        for (int mi = 0; mi < MI; mi++)
#pragma unroll
            for (int nt = 0; nt < NT; nt++) s[mi][nt][0] = s[mi][nt][1] = s[mi][nt][2] = s[mi][nt][3] = 0.0f;
#pragma unroll
        for (int np = 0; np < NT / 2; np++)
        {
#pragma unroll
            for (int kc = 0; kc < KC; kc++)
            {
                unsigned b[4];
                ldmatrix_x4(b, ks + (np * 16 + (lane & 7) + ((lane >> 4) << 3)) * LD + kc * 16 + ((lane >> 3) & 1) * 8);
#pragma unroll
                for (int mi = 0; mi < MI; mi++)
                {
                    mma16816<BF>(s[mi][2 * np], qa[mi][kc], b[0], b[1]);
                    mma16816<BF>(s[mi][2 * np + 1], qa[mi][kc], b[2], b[3]);
                }
            }
        }
        if ((j + 1) * KEYS > n)
        {
#pragma unroll
            for (int mi = 0; mi < MI; mi++)
#pragma unroll
                for (int nt = 0; nt < NT; nt++)
#pragma unroll
                    for (int e = 0; e < 4; e++)
                        if (j * KEYS + nt * 8 + tig * 2 + (e & 1) >= n) s[mi][nt][e] = negInf;
        }

        unsigned pa[MI][KEYS / 16][4];
#pragma unroll
        for (int mi = 0; mi < MI; mi++)
        {
            float tileMax0 = negInf, tileMax1 = negInf;
#pragma unroll
            for (int nt = 0; nt < NT; nt++)
            {
                tileMax0 = fmaxf(tileMax0, fmaxf(s[mi][nt][0], s[mi][nt][1]));
                tileMax1 = fmaxf(tileMax1, fmaxf(s[mi][nt][2], s[mi][nt][3]));
            }
            tileMax0 = fmaxf(tileMax0, __shfl_xor_sync(0xffffffffu, tileMax0, 1));
            tileMax0 = fmaxf(tileMax0, __shfl_xor_sync(0xffffffffu, tileMax0, 2));
            tileMax1 = fmaxf(tileMax1, __shfl_xor_sync(0xffffffffu, tileMax1, 1));
            tileMax1 = fmaxf(tileMax1, __shfl_xor_sync(0xffffffffu, tileMax1, 2));
            const float mNew0 = fmaxf(m[mi][0], tileMax0), mNew1 = fmaxf(m[mi][1], tileMax1);
            const float corr0 = exp2f((m[mi][0] - mNew0) * scaleLog2e), corr1 = exp2f((m[mi][1] - mNew1) * scaleLog2e);
            m[mi][0] = mNew0;
            m[mi][1] = mNew1;
            const float ms0 = mNew0 * scaleLog2e, ms1 = mNew1 * scaleLog2e;
            float sum0 = 0.0f, sum1 = 0.0f;
#pragma unroll
            for (int nt = 0; nt < NT; nt++)
            {
                float p0 = exp2f(fmaf(s[mi][nt][0], scaleLog2e, -ms0));
                float p1 = exp2f(fmaf(s[mi][nt][1], scaleLog2e, -ms0));
                float p2 = exp2f(fmaf(s[mi][nt][2], scaleLog2e, -ms1));
                float p3 = exp2f(fmaf(s[mi][nt][3], scaleLog2e, -ms1));
                sum0 += p0 + p1;
                sum1 += p2 + p3;
                pa[mi][nt >> 1][(nt & 1) * 2] = pack2<BF>(p0, p1);
                pa[mi][nt >> 1][(nt & 1) * 2 + 1] = pack2<BF>(p2, p3);
            }
            l[mi][0] = l[mi][0] * corr0 + sum0;
            l[mi][1] = l[mi][1] * corr1 + sum1;
#pragma unroll
            for (int dt = 0; dt < DT; dt++)
            {
                o[mi][dt][0] *= corr0;
                o[mi][dt][1] *= corr0;
                o[mi][dt][2] *= corr1;
                o[mi][dt][3] *= corr1;
            }
        }

#pragma unroll
        for (int kc = 0; kc < KEYS / 16; kc++)
        {
#pragma unroll
            for (int dp = 0; dp < DT / 2; dp++)
            {
                unsigned b[4];
                ldmatrix_x4_trans(b, vs + (kc * 16 + (lane & 15)) * LD + dp * 16 + (lane >> 4) * 8);
#pragma unroll
                for (int mi = 0; mi < MI; mi++)
                {
                    mma16816<BF>(o[mi][2 * dp], pa[mi][kc], b[0], b[1]);
                    mma16816<BF>(o[mi][2 * dp + 1], pa[mi][kc], b[2], b[3]);
                }
            }
        }
        __syncthreads();
    }

    const i64 hd = (i64)h * DH;
#pragma unroll
    for (int mi = 0; mi < MI; mi++)
    {
        float l0 = l[mi][0], l1 = l[mi][1];
        l0 += __shfl_xor_sync(0xffffffffu, l0, 1);
        l0 += __shfl_xor_sync(0xffffffffu, l0, 2);
        l1 += __shfl_xor_sync(0xffffffffu, l1, 1);
        l1 += __shfl_xor_sync(0xffffffffu, l1, 2);
        const float inv0 = 1.0f / l0, inv1 = 1.0f / l1;
        const int t0 = q0 + (warp * MI + mi) * 16 + (lane >> 2), t1 = t0 + 8;
#pragma unroll
        for (int dt = 0; dt < DT; dt++)
        {
            int d = dt * 8 + tig * 2;
            if (t0 < n)
            {
                i64 at = ((i64)item * n + t0) * hd + (i64)head * DH + d;
                if (ty == DT_F32) { store(y, at, ty, o[mi][dt][0] * inv0); store(y, at + 1, ty, o[mi][dt][1] * inv0); }
                else *(unsigned*)((u16*)y + at) = pack2<BF>(o[mi][dt][0] * inv0, o[mi][dt][1] * inv0);
            }
            if (t1 < n)
            {
                i64 at = ((i64)item * n + t1) * hd + (i64)head * DH + d;
                if (ty == DT_F32) { store(y, at, ty, o[mi][dt][2] * inv1); store(y, at + 1, ty, o[mi][dt][3] * inv1); }
                else *(unsigned*)((u16*)y + at) = pack2<BF>(o[mi][dt][2] * inv1, o[mi][dt][3] * inv1);
            }
        }
    }
#endif
}

#define ATTENTION_FA(NAME, DH, BF, W, MI, S, MINB) \
    extern "C" __global__ void __launch_bounds__(32 * W, MINB) NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) \
    { attention_fa_body<DH, BF, W, MI, S>(y, ty, (const u16*)qkv, n, h, scaleLog2e); }

ATTENTION_FA(attention_fa_f16_d64_w4, 64, false, 4, 1, 2, 1)
ATTENTION_FA(attention_fa_f16_d64_w8, 64, false, 8, 1, 2, 1)
ATTENTION_FA(attention_fa_f16_d64_w4m2, 64, false, 4, 2, 2, 1)
ATTENTION_FA(attention_fa_f16_d64_w8s3, 64, false, 8, 1, 3, 1)
ATTENTION_FA(attention_fa_f16_d64_w8b2, 64, false, 8, 1, 2, 2)
ATTENTION_FA(attention_fa_bf16_d64_w4, 64, true, 4, 1, 2, 1)
ATTENTION_FA(attention_fa_bf16_d64_w8, 64, true, 8, 1, 2, 1)
ATTENTION_FA(attention_fa_bf16_d64_w4m2, 64, true, 4, 2, 2, 1)
ATTENTION_FA(attention_fa_bf16_d64_w8s3, 64, true, 8, 1, 3, 1)
ATTENTION_FA(attention_fa_bf16_d64_w8b2, 64, true, 8, 1, 2, 2)
