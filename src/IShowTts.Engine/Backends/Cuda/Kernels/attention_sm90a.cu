// attention_sm90a.cu: attention for head size 64 on Hopper's warpgroup tensor-core instructions (wgmma,
// compiled for sm_90a only; every other arch takes attention.cu's attention_fa / attention_mma). Same
// function as attention.cu: y (b, n, h*64) = softmax(q k^T / 8) v over the packed qkv (b, n, 3, h, 64)
// buffer, no causal mask, keys past n ignored, float online softmax and float accumulators.
//   attention_wg_<f16|bf16>_<variant> (v4, M3): a block is W warpgroups x 64 query rows. Q, K and V go
//   through shared memory (Q once, K and V in 64-key tiles),
//   128-byte swizzled rows (the layout wgmma's descriptors read: row r's 16-byte chunk c at chunk c ^ (r & 7)),
//   S stages deep with cp.async. S = Q K^T is one m64n64k16 wgmma per 16 of dh, Q and K
//   as K-major descriptors; P (fp16/bf16, straight from the S accumulators, whose layout is the A-register
//   layout) times V is one wgmma per 16 keys with V as an MN-major (transposed) descriptor. exp2 through
//   ex2.approx with the 1/sqrt(dh)·log2(e) scale folded into one FFMA. Variant "o" (overlap) issues
//   S(j+1) = Q K(j+1) before O += P(j) V(j) and runs the softmax of tile j+1 while that product runs
//   (FlashAttention-3's intra-warpgroup pipelining); needs 3 stages.
#include "common.cu"

#if defined(__CUDA_ARCH_FEAT_SM90_ALL)

__device__ __forceinline__ void wgmma_fence() { asm volatile("wgmma.fence.sync.aligned;" ::: "memory"); }
__device__ __forceinline__ void wgmma_commit() { asm volatile("wgmma.commit_group.sync.aligned;" ::: "memory"); }
template <int N>
__device__ __forceinline__ void wgmma_wait() { asm volatile("wgmma.wait_group.sync.aligned %0;" :: "n"(N) : "memory"); }
__device__ __forceinline__ void fence_proxy_async() { asm volatile("fence.proxy.async.shared::cta;" ::: "memory"); }

// Keeps the compiler from moving reads or writes of wgmma accumulators across the asynchronous region.
template <int N>
__device__ __forceinline__ void fence_regs(float* r)
{
#pragma unroll
    for (int i = 0; i < N; i++) asm volatile("" : "+f"(r[i]) :: "memory");
}

__device__ __forceinline__ float ex2(float x)
{
    float y;
    asm("ex2.approx.ftz.f32 %0, %1;" : "=f"(y) : "f"(x));
    return y;
}

// Shared-memory matrix descriptor: 128-byte swizzle, the tile base 1024-byte aligned; lbo/sbo in bytes.
__device__ __forceinline__ unsigned long long wg_desc(const void* p, unsigned lbo, unsigned sbo)
{
    unsigned long long a = smem_addr(p);
    return ((a & 0x3FFFF) >> 4) | ((unsigned long long)(lbo >> 4) << 16) | ((unsigned long long)(sbo >> 4) << 32) | (1ULL << 62);
}

__device__ __forceinline__ void wgmma_m64n64k16_rs_f16_t0(float* d, const unsigned* a, unsigned long long desc, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %37, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n64k16.f32.f16.f16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31}, {%32,%33,%34,%35}, %36, p, 1, 1, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "l"(desc), "r"(scaleD));
}

__device__ __forceinline__ void wgmma_m64n64k16_rs_f16_t1(float* d, const unsigned* a, unsigned long long desc, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %37, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n64k16.f32.f16.f16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31}, {%32,%33,%34,%35}, %36, p, 1, 1, 1;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "l"(desc), "r"(scaleD));
}

__device__ __forceinline__ void wgmma_m64n64k16_rs_bf16_t0(float* d, const unsigned* a, unsigned long long desc, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %37, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n64k16.f32.bf16.bf16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31}, {%32,%33,%34,%35}, %36, p, 1, 1, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "l"(desc), "r"(scaleD));
}

__device__ __forceinline__ void wgmma_m64n64k16_rs_bf16_t1(float* d, const unsigned* a, unsigned long long desc, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %37, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n64k16.f32.bf16.bf16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31}, {%32,%33,%34,%35}, %36, p, 1, 1, 1;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "l"(desc), "r"(scaleD));
}

__device__ __forceinline__ void wgmma_m64n64k16_ss_f16(float* d, unsigned long long descA, unsigned long long descB, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %34, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n64k16.f32.f16.f16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31}, %32, %33, p, 1, 1, 0, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31])
        : "l"(descA), "l"(descB), "r"(scaleD));
}

__device__ __forceinline__ void wgmma_m64n64k16_ss_bf16(float* d, unsigned long long descA, unsigned long long descB, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %34, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n64k16.f32.bf16.bf16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31}, %32, %33, p, 1, 1, 0, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31])
        : "l"(descA), "l"(descB), "r"(scaleD));
}

template <bool BF, int TRANS>
__device__ __forceinline__ void wgmma_rs(float* d, const unsigned* a, unsigned long long desc, int scaleD)
{
    if (BF)
    {
        if (TRANS) wgmma_m64n64k16_rs_bf16_t1(d, a, desc, scaleD);
        else wgmma_m64n64k16_rs_bf16_t0(d, a, desc, scaleD);
    }
    else
    {
        if (TRANS) wgmma_m64n64k16_rs_f16_t1(d, a, desc, scaleD);
        else wgmma_m64n64k16_rs_f16_t0(d, a, desc, scaleD);
    }
}

template <bool BF>
__device__ __forceinline__ void wgmma_ss(float* d, unsigned long long descA, unsigned long long descB, int scaleD)
{
    if (BF) wgmma_m64n64k16_ss_bf16(d, descA, descB, scaleD);
    else wgmma_m64n64k16_ss_f16(d, descA, descB, scaleD);
}

__device__ __forceinline__ unsigned ex2_f16x2(unsigned x)
{
    unsigned y;
    asm("ex2.approx.f16x2 %0, %1;" : "=r"(y) : "r"(x));
    return y;
}

__device__ __forceinline__ float2 f16x2_to_float2(unsigned v)
{
    return make_float2(half_to_float((u16)(v & 0xffff)), half_to_float((u16)(v >> 16)));
}

#define WG_KEYS 64
#define WG_TILE_BYTES (WG_KEYS * 128)

// Issues cp.async copies of key tile `tile` (K and V, 64 rows x 128 bytes each, swizzled) into one stage;
// rows past n are zero (so that P = 0 times them stays 0).
__device__ __forceinline__ void wg_load_kv(unsigned char* stage, const u16* qkv, i64 base, i64 rowStride, int h, int tile, int n)
{
    for (int c = threadIdx.x; c < 2 * WG_KEYS * 8; c += blockDim.x)
    {
        int part = c / (WG_KEYS * 8), rem = c % (WG_KEYS * 8), r = rem >> 3, ch = rem & 7, t = tile * WG_KEYS + r;
        unsigned char* dst = stage + part * WG_TILE_BYTES + r * 128 + ((ch ^ (r & 7)) << 4);
        if (t < n) cp_async16(dst, qkv + base + (i64)t * rowStride + (i64)(1 + part) * h * 64 + ch * 8);
        else *(uint4*)dst = make_uint4(0, 0, 0, 0);
    }
}

// Masks keys past n (last tile only), updates the running max m and sum l of rows g and g + 8, writes
// P as A fragments and returns the two rescale factors for the output rows.
template <bool BF, bool H2>
__device__ __forceinline__ void wg_softmax(float* s, unsigned (*pa)[4], float* m, float* l, float* corr, int key0, int n, float scaleLog2e, int tig)
{
    const float negInf = __int_as_float(0xff800000);
    if (key0 + WG_KEYS > n)
    {
#pragma unroll
        for (int i = 0; i < 32; i++)
            if (key0 + (i >> 2) * 8 + tig * 2 + (i & 1) >= n) s[i] = negInf;
    }
    float mx0 = negInf, mx1 = negInf;
#pragma unroll
    for (int nt = 0; nt < 8; nt++)
    {
        mx0 = fmaxf(mx0, fmaxf(s[4 * nt], s[4 * nt + 1]));
        mx1 = fmaxf(mx1, fmaxf(s[4 * nt + 2], s[4 * nt + 3]));
    }
    mx0 = fmaxf(mx0, __shfl_xor_sync(0xffffffffu, mx0, 1));
    mx0 = fmaxf(mx0, __shfl_xor_sync(0xffffffffu, mx0, 2));
    mx1 = fmaxf(mx1, __shfl_xor_sync(0xffffffffu, mx1, 1));
    mx1 = fmaxf(mx1, __shfl_xor_sync(0xffffffffu, mx1, 2));
    const float mNew0 = fmaxf(m[0], mx0), mNew1 = fmaxf(m[1], mx1);
    corr[0] = ex2((m[0] - mNew0) * scaleLog2e);
    corr[1] = ex2((m[1] - mNew1) * scaleLog2e);
    m[0] = mNew0;
    m[1] = mNew1;
    const float ms0 = mNew0 * scaleLog2e, ms1 = mNew1 * scaleLog2e;
    float sum0 = 0.0f, sum1 = 0.0f;
#pragma unroll
    for (int nt = 0; nt < 8; nt++)
    {
        if (H2)
        {
            // Two exponentials per MUFU op (fp16 in and out: P is stored as fp16 anyway); sums in float.
            unsigned e01 = ex2_f16x2(pack_f16x2(fmaf(s[4 * nt], scaleLog2e, -ms0), fmaf(s[4 * nt + 1], scaleLog2e, -ms0)));
            unsigned e23 = ex2_f16x2(pack_f16x2(fmaf(s[4 * nt + 2], scaleLog2e, -ms1), fmaf(s[4 * nt + 3], scaleLog2e, -ms1)));
            float2 f01 = f16x2_to_float2(e01), f23 = f16x2_to_float2(e23);
            sum0 += f01.x + f01.y;
            sum1 += f23.x + f23.y;
            pa[nt >> 1][(nt & 1) * 2] = e01;
            pa[nt >> 1][(nt & 1) * 2 + 1] = e23;
            continue;
        }
        float p0 = ex2(fmaf(s[4 * nt], scaleLog2e, -ms0));
        float p1 = ex2(fmaf(s[4 * nt + 1], scaleLog2e, -ms0));
        float p2 = ex2(fmaf(s[4 * nt + 2], scaleLog2e, -ms1));
        float p3 = ex2(fmaf(s[4 * nt + 3], scaleLog2e, -ms1));
        sum0 += p0 + p1;
        sum1 += p2 + p3;
        pa[nt >> 1][(nt & 1) * 2] = pack2<BF>(p0, p1);
        pa[nt >> 1][(nt & 1) * 2 + 1] = pack2<BF>(p2, p3);
    }
    l[0] = l[0] * corr[0] + sum0;
    l[1] = l[1] * corr[1] + sum1;
}

template <bool BF, int W, int S, bool OVERLAP, bool H2>
__device__ __forceinline__ void attention_wg_body(void* y, int ty, const u16* qkv, int n, int h, float scaleLog2e)
{
    constexpr int ROWS = 64 * W, STAGE = 2 * WG_TILE_BYTES;
    extern __shared__ __align__(16) unsigned char raw[];
    unsigned char* kvs = raw + ((1024u - (smem_addr(raw) & 1023u)) & 1023u);   // S stages x (K, V): 1024-aligned
    unsigned char* qs = kvs + S * STAGE;                                        // ROWS x 128 bytes, swizzled like K
    const int head = blockIdx.y, item = blockIdx.z;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31, tig = lane & 3;
    const int q0 = blockIdx.x * ROWS;
    const i64 rowStride = 3LL * h * 64;
    const i64 base = (i64)item * n * rowStride + (i64)head * 64;
    const int tiles = (n + WG_KEYS - 1) / WG_KEYS;
    const float negInf = __int_as_float(0xff800000);

    for (int c = threadIdx.x; c < ROWS * 8; c += blockDim.x)
    {
        int r = c >> 3, ch = c & 7, t = q0 + r;
        unsigned char* dst = qs + r * 128 + ((ch ^ (r & 7)) << 4);
        if (t < n) cp_async16(dst, qkv + base + (i64)t * rowStride + ch * 8);
        else *(uint4*)dst = make_uint4(0, 0, 0, 0);
    }
    wg_load_kv(kvs, qkv, base, rowStride, h, 0, n);
    cp_async_commit();
#pragma unroll
    for (int st = 1; st < S - 1; st++)
    {
        if (st < tiles) wg_load_kv(kvs + st * STAGE, qkv, base, rowStride, h, st, n);
        cp_async_commit();
    }

    const unsigned char* qw = qs + (warp >> 2) * 64 * 128;                     // this warpgroup's 64 rows
    float o[32], s[32], m[2] = {negInf, negInf}, l[2] = {0.0f, 0.0f}, corr[2];
    unsigned pa[4][4];
#pragma unroll
    for (int i = 0; i < 32; i++) o[i] = 0.0f;

    if (OVERLAP)
    {
        // Tile 0's scores and probabilities before the loop; each iteration then overlaps tile j's P V
        // with tile j + 1's scores and softmax.
        cp_async_wait<S - 2>();
        fence_proxy_async();
        __syncthreads();
        wgmma_fence();
#pragma unroll
        for (int kc = 0; kc < 4; kc++) wgmma_ss<BF>(s, wg_desc(qw + kc * 32, 16, 1024), wg_desc(kvs + kc * 32, 16, 1024), kc);
        wgmma_commit();
        wgmma_wait<0>();
        fence_regs<32>(s);
        wg_softmax<BF, H2>(s, pa, m, l, corr, 0, n, scaleLog2e, tig);
        for (int j = 0; j < tiles; j++)
        {
            cp_async_wait<S - 3>();
            fence_proxy_async();
            __syncthreads();
            if (j + S - 1 < tiles) wg_load_kv(kvs + ((j + S - 1) % S) * STAGE, qkv, base, rowStride, h, j + S - 1, n);
            cp_async_commit();
            const bool more = j + 1 < tiles;
            const unsigned char* ks = kvs + ((j + 1) % S) * STAGE;
            const unsigned char* vs = kvs + (j % S) * STAGE + WG_TILE_BYTES;
            wgmma_fence();
            if (more)
            {
#pragma unroll
                for (int kc = 0; kc < 4; kc++) wgmma_ss<BF>(s, wg_desc(qw + kc * 32, 16, 1024), wg_desc(ks + kc * 32, 16, 1024), kc);
                wgmma_commit();
            }
#pragma unroll
            for (int kc = 0; kc < 4; kc++) wgmma_rs<BF, 1>(o, pa[kc], wg_desc(vs + kc * 2048, 1024, 1024), 1);
            wgmma_commit();
            unsigned pn[4][4];
            if (more)
            {
                wgmma_wait<1>();
                fence_regs<32>(s);
                wg_softmax<BF, H2>(s, pn, m, l, corr, (j + 1) * WG_KEYS, n, scaleLog2e, tig);
            }
            wgmma_wait<0>();
            fence_regs<32>(o);
            if (more)
            {
#pragma unroll
                for (int i = 0; i < 32; i++) o[i] *= corr[i & 2 ? 1 : 0];
#pragma unroll
                for (int a = 0; a < 4; a++)
#pragma unroll
                    for (int b2 = 0; b2 < 4; b2++) pa[a][b2] = pn[a][b2];
            }
        }
    }
    else
    {
        for (int j = 0; j < tiles; j++)
        {
            cp_async_wait<S - 2>();
            fence_proxy_async();
            __syncthreads();
            if (j + S - 1 < tiles) wg_load_kv(kvs + ((j + S - 1) % S) * STAGE, qkv, base, rowStride, h, j + S - 1, n);
            cp_async_commit();
            const unsigned char* ks = kvs + (j % S) * STAGE;
            const unsigned char* vs = ks + WG_TILE_BYTES;
            wgmma_fence();
#pragma unroll
            for (int kc = 0; kc < 4; kc++) wgmma_ss<BF>(s, wg_desc(qw + kc * 32, 16, 1024), wg_desc(ks + kc * 32, 16, 1024), kc);
            wgmma_commit();
            wgmma_wait<0>();
            fence_regs<32>(s);
            wg_softmax<BF, H2>(s, pa, m, l, corr, j * WG_KEYS, n, scaleLog2e, tig);
#pragma unroll
            for (int i = 0; i < 32; i++) o[i] *= corr[i & 2 ? 1 : 0];
            wgmma_fence();
#pragma unroll
            for (int kc = 0; kc < 4; kc++) wgmma_rs<BF, 1>(o, pa[kc], wg_desc(vs + kc * 2048, 1024, 1024), 1);
            wgmma_commit();
            wgmma_wait<0>();
            fence_regs<32>(o);
        }
    }

    float l0 = l[0], l1 = l[1];
    l0 += __shfl_xor_sync(0xffffffffu, l0, 1);
    l0 += __shfl_xor_sync(0xffffffffu, l0, 2);
    l1 += __shfl_xor_sync(0xffffffffu, l1, 1);
    l1 += __shfl_xor_sync(0xffffffffu, l1, 2);
    const float inv0 = 1.0f / l0, inv1 = 1.0f / l1;
    const int t0 = q0 + warp * 16 + (lane >> 2), t1 = t0 + 8;
    const i64 hd = (i64)h * 64;
#pragma unroll
    for (int dt = 0; dt < 8; dt++)
    {
        int d = dt * 8 + tig * 2;
        if (t0 < n)
        {
            i64 at = ((i64)item * n + t0) * hd + (i64)head * 64 + d;
            if (ty == DT_F32) { store(y, at, ty, o[4 * dt] * inv0); store(y, at + 1, ty, o[4 * dt + 1] * inv0); }
            else *(unsigned*)((u16*)y + at) = pack2<BF>(o[4 * dt] * inv0, o[4 * dt + 1] * inv0);
        }
        if (t1 < n)
        {
            i64 at = ((i64)item * n + t1) * hd + (i64)head * 64 + d;
            if (ty == DT_F32) { store(y, at, ty, o[4 * dt + 2] * inv1); store(y, at + 1, ty, o[4 * dt + 3] * inv1); }
            else *(unsigned*)((u16*)y + at) = pack2<BF>(o[4 * dt + 2] * inv1, o[4 * dt + 3] * inv1);
        }
    }
}

#define ATTENTION_WG(NAME, BF, W, S, OVERLAP, H2, MINB) \
    extern "C" __global__ void __launch_bounds__(128 * W, MINB) NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) \
    { attention_wg_body<BF, W, S, OVERLAP, H2>(y, ty, (const u16*)qkv, n, h, scaleLog2e); }

#else
#define ATTENTION_WG(NAME, BF, W, S, OVERLAP, H2, MINB) \
    extern "C" __global__ void NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) {}
#endif

// Variants: w<warpgroups>s<stages>[o = overlap][h = fp16x2 exponentials, f16 only]. Shared memory:
// S x 16 KB (K, V) + W x 8 KB (Q) + 1 KB alignment.
ATTENTION_WG(attention_wg_f16_w2s2, false, 2, 2, false, false, 2)
ATTENTION_WG(attention_wg_f16_w2s2h, false, 2, 2, false, true, 2)
ATTENTION_WG(attention_wg_f16_w1s3o, false, 1, 3, true, false, 3)
ATTENTION_WG(attention_wg_f16_w2s3o, false, 2, 3, true, false, 2)
ATTENTION_WG(attention_wg_f16_w3s3o, false, 3, 3, true, false, 1)
ATTENTION_WG(attention_wg_f16_w2s3oh, false, 2, 3, true, true, 2)
ATTENTION_WG(attention_wg_f16_w3s3oh, false, 3, 3, true, true, 1)
ATTENTION_WG(attention_wg_bf16_w2s2, true, 2, 2, false, false, 2)
ATTENTION_WG(attention_wg_bf16_w1s3o, true, 1, 3, true, false, 3)
ATTENTION_WG(attention_wg_bf16_w2s3o, true, 2, 3, true, false, 2)
ATTENTION_WG(attention_wg_bf16_w3s3o, true, 3, 3, true, false, 1)
