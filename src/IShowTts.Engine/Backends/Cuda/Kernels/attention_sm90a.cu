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
//   attention_wt_<f16|bf16>_<variant> (v5, M3, the default): the same loop, K/V tiles brought by the
//   tensor-copy engine (TMA) from a producer warp into mbarrier-completed stages; no block barrier or load
//   work in the compute warps (v4's diagnostics put ≈ 21 of its 71 µs at W1 there). See below.
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

__device__ __forceinline__ void wgmma_m64n128k16_ss_f16(float* d, unsigned long long descA, unsigned long long descB, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %66, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n128k16.f32.f16.f16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31,%32,%33,%34,%35,%36,%37,%38,%39,%40,%41,%42,%43,%44,%45,%46,%47,%48,%49,%50,%51,%52,%53,%54,%55,%56,%57,%58,%59,%60,%61,%62,%63}, %64, %65, p, 1, 1, 0, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31]), "+f"(d[32]), "+f"(d[33]), "+f"(d[34]), "+f"(d[35]), "+f"(d[36]), "+f"(d[37]), "+f"(d[38]), "+f"(d[39]), "+f"(d[40]), "+f"(d[41]), "+f"(d[42]), "+f"(d[43]), "+f"(d[44]), "+f"(d[45]), "+f"(d[46]), "+f"(d[47]), "+f"(d[48]), "+f"(d[49]), "+f"(d[50]), "+f"(d[51]), "+f"(d[52]), "+f"(d[53]), "+f"(d[54]), "+f"(d[55]), "+f"(d[56]), "+f"(d[57]), "+f"(d[58]), "+f"(d[59]), "+f"(d[60]), "+f"(d[61]), "+f"(d[62]), "+f"(d[63])
        : "l"(descA), "l"(descB), "r"(scaleD));
}

__device__ __forceinline__ void wgmma_m64n128k16_ss_bf16(float* d, unsigned long long descA, unsigned long long descB, int scaleD)
{
    asm volatile("{\n.reg .pred p;\nsetp.ne.b32 p, %66, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n128k16.f32.bf16.bf16 {%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31,%32,%33,%34,%35,%36,%37,%38,%39,%40,%41,%42,%43,%44,%45,%46,%47,%48,%49,%50,%51,%52,%53,%54,%55,%56,%57,%58,%59,%60,%61,%62,%63}, %64, %65, p, 1, 1, 0, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]), "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]), "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]), "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31]), "+f"(d[32]), "+f"(d[33]), "+f"(d[34]), "+f"(d[35]), "+f"(d[36]), "+f"(d[37]), "+f"(d[38]), "+f"(d[39]), "+f"(d[40]), "+f"(d[41]), "+f"(d[42]), "+f"(d[43]), "+f"(d[44]), "+f"(d[45]), "+f"(d[46]), "+f"(d[47]), "+f"(d[48]), "+f"(d[49]), "+f"(d[50]), "+f"(d[51]), "+f"(d[52]), "+f"(d[53]), "+f"(d[54]), "+f"(d[55]), "+f"(d[56]), "+f"(d[57]), "+f"(d[58]), "+f"(d[59]), "+f"(d[60]), "+f"(d[61]), "+f"(d[62]), "+f"(d[63])
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

// S (64 x KN) += Q (64 x 16) K^T (16 x KN): KN = 64 or 128 keys.
template <bool BF, int KN>
__device__ __forceinline__ void wgmma_ss(float* d, unsigned long long descA, unsigned long long descB, int scaleD)
{
    if (KN == 128)
    {
        if (BF) wgmma_m64n128k16_ss_bf16(d, descA, descB, scaleD);
        else wgmma_m64n128k16_ss_f16(d, descA, descB, scaleD);
    }
    else
    {
        if (BF) wgmma_m64n64k16_ss_bf16(d, descA, descB, scaleD);
        else wgmma_m64n64k16_ss_f16(d, descA, descB, scaleD);
    }
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

// Issues cp.async copies of key tile `tile` (K and V, KN rows x 128 bytes each, swizzled) into one stage;
// rows past n are zero (so that P = 0 times them stays 0).
template <int KN>
__device__ __forceinline__ void wg_load_kv(unsigned char* stage, const u16* qkv, i64 base, i64 rowStride, int h, int tile, int n)
{
    for (int c = threadIdx.x; c < 2 * KN * 8; c += blockDim.x)
    {
        int part = c / (KN * 8), rem = c % (KN * 8), r = rem >> 3, ch = rem & 7, t = tile * KN + r;
        unsigned char* dst = stage + part * KN * 128 + r * 128 + ((ch ^ (r & 7)) << 4);
        if (t < n) cp_async16(dst, qkv + base + (i64)t * rowStride + (i64)(1 + part) * h * 64 + ch * 8);
        else *(uint4*)dst = make_uint4(0, 0, 0, 0);
    }
}

// Masks keys past n (last tile only), updates the running max m and sum l of rows g and g + 8, writes
// P as A fragments and returns the two rescale factors for the output rows.
// BRANCHLESS: mask with selects on every tile instead of a branch taken on the last one (the overlapped
// loop has wgmma in flight here, and ptxas serialises wgmma around divergent paths).
template <bool BF, bool H2, int KN, bool BRANCHLESS, bool NOEXP = false>
__device__ __forceinline__ void wg_softmax(float* s, unsigned (*pa)[4], float* m, float* l, float* corr, int key0, int n, float scaleLog2e, int tig)
{
    const float negInf = __int_as_float(0xff800000);
    if (BRANCHLESS)
    {
        const int limit = n - key0 - tig * 2;
#pragma unroll
        for (int i = 0; i < KN / 2; i++) s[i] = (i >> 2) * 8 + (i & 1) < limit ? s[i] : negInf;
    }
    else if (key0 + KN > n)
    {
#pragma unroll
        for (int i = 0; i < KN / 2; i++)
            if (key0 + (i >> 2) * 8 + tig * 2 + (i & 1) >= n) s[i] = negInf;
    }
    float mx0 = negInf, mx1 = negInf;
#pragma unroll
    for (int nt = 0; nt < KN / 8; nt++)
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
    for (int nt = 0; nt < KN / 8; nt++)
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
        float p0 = NOEXP ? fmaf(s[4 * nt], scaleLog2e, -ms0) : ex2(fmaf(s[4 * nt], scaleLog2e, -ms0));
        float p1 = NOEXP ? fmaf(s[4 * nt + 1], scaleLog2e, -ms0) : ex2(fmaf(s[4 * nt + 1], scaleLog2e, -ms0));
        float p2 = NOEXP ? fmaf(s[4 * nt + 2], scaleLog2e, -ms1) : ex2(fmaf(s[4 * nt + 2], scaleLog2e, -ms1));
        float p3 = NOEXP ? fmaf(s[4 * nt + 3], scaleLog2e, -ms1) : ex2(fmaf(s[4 * nt + 3], scaleLog2e, -ms1));
        sum0 += p0 + p1;
        sum1 += p2 + p3;
        pa[nt >> 1][(nt & 1) * 2] = pack2<BF>(p0, p1);
        pa[nt >> 1][(nt & 1) * 2 + 1] = pack2<BF>(p2, p3);
    }
    l[0] = l[0] * corr[0] + sum0;
    l[1] = l[1] * corr[1] + sum1;
}

// Rows g and g + 8 of this warp's 16: the row sums finished across the quad, O / l stored (f32, f16 or bf16).
template <bool BF>
__device__ __forceinline__ void wg_store_output(void* y, int ty, const float* o, const float* l, int q0, int warp, int lane, int n, int h, int item, int head)
{
    const int tig = lane & 3;
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

// One overlapped step j of the "o" variants: S(j+1) = Q K(j+1) and O += P(j) V(j) in flight together, the
// softmax of tile j+1 written into pn while P(j) V(j) still reads pc. The caller alternates two P arrays
// (no copy between them: ptxas serialises wgmma whose input registers a plain instruction defines, C7513).
template <bool BF, bool H2, int S, int KN>
__device__ __forceinline__ void wg_overlap_step(float* o, float* s, unsigned (&pc)[KN / 16][4], unsigned (&pn)[KN / 16][4],
    float* m, float* l, float* corr, unsigned char* kvs, const unsigned char* qw, const u16* qkv, i64 base, i64 rowStride,
    int h, int j, int tiles, int n, float scaleLog2e, int tig)
{
    constexpr int TILE = KN * 128, STAGE = 2 * TILE;
    cp_async_wait<S - 3>();
    fence_proxy_async();
    __syncthreads();
    if (j + S - 1 < tiles) wg_load_kv<KN>(kvs + ((j + S - 1) % S) * STAGE, qkv, base, rowStride, h, j + S - 1, n);
    cp_async_commit();
    const unsigned char* ks = kvs + ((j + 1) % S) * STAGE;
    const unsigned char* vs = kvs + (j % S) * STAGE + TILE;
    wgmma_fence();
#pragma unroll
    for (int kc = 0; kc < 4; kc++) wgmma_ss<BF, KN>(s, wg_desc(qw + kc * 32, 16, 1024), wg_desc(ks + kc * 32, 16, 1024), kc);
    wgmma_commit();
#pragma unroll
    for (int kc = 0; kc < KN / 16; kc++) wgmma_rs<BF, 1>(o, pc[kc], wg_desc(vs + kc * 2048, 1024, 1024), 1);
    wgmma_commit();
    wgmma_wait<1>();
    fence_regs<KN / 2>(s);
    wg_softmax<BF, H2, KN, true>(s, pn, m, l, corr, (j + 1) * KN, n, scaleLog2e, tig);
    wgmma_wait<0>();
    fence_regs<32>(o);
#pragma unroll
    for (int i = 0; i < 32; i++) o[i] *= corr[i & 2 ? 1 : 0];
}

// DIAG (timing diagnostics only, wrong results, never used for speech): 1 = K/V tiles after the first
// S − 1 not loaded, 2 = no exponentials, 3 = neither loads nor the per-tile barrier.
template <bool BF, int W, int S, bool OVERLAP, bool H2, int KN, int DIAG = 0>
__device__ __forceinline__ void attention_wg_body(void* y, int ty, const u16* qkv, int n, int h, float scaleLog2e)
{
    constexpr int ROWS = 64 * W, TILE = KN * 128, STAGE = 2 * TILE;
    extern __shared__ __align__(16) unsigned char raw[];
    unsigned char* kvs = raw + ((1024u - (smem_addr(raw) & 1023u)) & 1023u);   // S stages x (K, V): 1024-aligned
    unsigned char* qs = kvs + S * STAGE;                                        // ROWS x 128 bytes, swizzled like K
    const int head = blockIdx.y, item = blockIdx.z;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31, tig = lane & 3;
    const int q0 = blockIdx.x * ROWS;
    const i64 rowStride = 3LL * h * 64;
    const i64 base = (i64)item * n * rowStride + (i64)head * 64;
    const int tiles = (n + KN - 1) / KN;
    const float negInf = __int_as_float(0xff800000);

    for (int c = threadIdx.x; c < ROWS * 8; c += blockDim.x)
    {
        int r = c >> 3, ch = c & 7, t = q0 + r;
        unsigned char* dst = qs + r * 128 + ((ch ^ (r & 7)) << 4);
        if (t < n) cp_async16(dst, qkv + base + (i64)t * rowStride + ch * 8);
        else *(uint4*)dst = make_uint4(0, 0, 0, 0);
    }
    wg_load_kv<KN>(kvs, qkv, base, rowStride, h, 0, n);
    cp_async_commit();
#pragma unroll
    for (int st = 1; st < S - 1; st++)
    {
        // The overlapped variants run an even number of tiles (see below): the extra one is loaded too (zeros).
        if (st < (OVERLAP ? tiles + (tiles & 1) : tiles)) wg_load_kv<KN>(kvs + st * STAGE, qkv, base, rowStride, h, st, n);
        cp_async_commit();
    }

    const unsigned char* qw = qs + (warp >> 2) * 64 * 128;                     // this warpgroup's 64 rows
    float o[32], s[KN / 2], m[2] = {negInf, negInf}, l[2] = {0.0f, 0.0f}, corr[2];
    unsigned pa[KN / 16][4];
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
        for (int kc = 0; kc < 4; kc++) wgmma_ss<BF, KN>(s, wg_desc(qw + kc * 32, 16, 1024), wg_desc(kvs + kc * 32, 16, 1024), kc);
        wgmma_commit();
        wgmma_wait<0>();
        fence_regs<KN / 2>(s);
        wg_softmax<BF, H2, KN, OVERLAP>(s, pa, m, l, corr, 0, n, scaleLog2e, tig);
        // No branch around any wgmma (ptxas serialises wgmma issued in a divergent path, C7520): the tiles
        // are rounded up to an even count T (a tile past n is all zeros and fully masked: it changes nothing),
        // steps go in pairs alternating the P arrays, the last step and the last tile's P V are peeled.
        const int T = tiles + (tiles & 1);
        unsigned pb[KN / 16][4];
        for (int j = 0; j + 2 < T - 1; j += 2)
        {
            wg_overlap_step<BF, H2, S, KN>(o, s, pa, pb, m, l, corr, kvs, qw, qkv, base, rowStride, h, j, T, n, scaleLog2e, tig);
            wg_overlap_step<BF, H2, S, KN>(o, s, pb, pa, m, l, corr, kvs, qw, qkv, base, rowStride, h, j + 1, T, n, scaleLog2e, tig);
        }
        wg_overlap_step<BF, H2, S, KN>(o, s, pa, pb, m, l, corr, kvs, qw, qkv, base, rowStride, h, T - 2, T, n, scaleLog2e, tig);
        // The last tile's P V (in pb: T − 1 steps, an odd count): its K and V arrived before its scores.
        const unsigned char* vs = kvs + ((T - 1) % S) * STAGE + TILE;
        wgmma_fence();
#pragma unroll
        for (int kc = 0; kc < KN / 16; kc++) wgmma_rs<BF, 1>(o, pb[kc], wg_desc(vs + kc * 2048, 1024, 1024), 1);
        wgmma_commit();
        wgmma_wait<0>();
        fence_regs<32>(o);
    }
    else
    {
        for (int j = 0; j < tiles; j++)
        {
            cp_async_wait<S - 2>();
            fence_proxy_async();
            if (DIAG != 3) __syncthreads();
            if (j + S - 1 < tiles && DIAG != 1 && DIAG != 3) wg_load_kv<KN>(kvs + ((j + S - 1) % S) * STAGE, qkv, base, rowStride, h, j + S - 1, n);
            cp_async_commit();
            const unsigned char* ks = kvs + (j % S) * STAGE;
            const unsigned char* vs = ks + TILE;
            wgmma_fence();
#pragma unroll
            for (int kc = 0; kc < 4; kc++) wgmma_ss<BF, KN>(s, wg_desc(qw + kc * 32, 16, 1024), wg_desc(ks + kc * 32, 16, 1024), kc);
            wgmma_commit();
            wgmma_wait<0>();
            fence_regs<KN / 2>(s);
            wg_softmax<BF, H2, KN, OVERLAP, DIAG == 2>(s, pa, m, l, corr, j * KN, n, scaleLog2e, tig);
#pragma unroll
            for (int i = 0; i < 32; i++) o[i] *= corr[i & 2 ? 1 : 0];
            wgmma_fence();
#pragma unroll
            for (int kc = 0; kc < KN / 16; kc++) wgmma_rs<BF, 1>(o, pa[kc], wg_desc(vs + kc * 2048, 1024, 1024), 1);
            wgmma_commit();
            wgmma_wait<0>();
            fence_regs<32>(o);
        }
    }

    wg_store_output<BF>(y, ty, o, l, q0, warp, lane, n, h, item, head);
}

// ---- v5 (attention_wt_*): the same maths, K/V tiles brought by the tensor-copy engine (TMA) --------------
// A block is W consumer warpgroups (64 query rows each) + 1 producer warp. The producer's lane 0 issues
// cp.async.bulk.tensor copies of each 64-key K and V tile (and the block's Q rows once) into S stages,
// each completing on a "full" mbarrier; consumers wait on it, compute, and each warp arrives on that
// stage's "empty" mbarrier when its wgmma have read the stage. No block-wide barrier inside the loop, no
// load work in the consumer warps. The copies use the tensor map's 128-byte swizzle, the layout wg_desc
// describes; rows past the tensor (the last item's end) arrive as zeros, rows past this item's n come
// from the next item and are masked.

// CUtensorMap: 128 opaque bytes, 64-byte aligned, encoded on the host by cuTensorMapEncodeTiled.
struct __align__(64) TmaMap { unsigned long long v[16]; };

__device__ __forceinline__ void mbar_init(unsigned long long* bar, unsigned count)
{
    asm volatile("mbarrier.init.shared::cta.b64 [%0], %1;" :: "r"(smem_addr(bar)), "r"(count) : "memory");
}

__device__ __forceinline__ void mbar_expect_tx(unsigned long long* bar, unsigned bytes)
{
    asm volatile("mbarrier.arrive.expect_tx.shared::cta.b64 _, [%0], %1;" :: "r"(smem_addr(bar)), "r"(bytes) : "memory");
}

__device__ __forceinline__ void mbar_arrive(unsigned long long* bar)
{
    asm volatile("mbarrier.arrive.shared::cta.b64 _, [%0];" :: "r"(smem_addr(bar)) : "memory");
}

__device__ __forceinline__ void mbar_wait(unsigned long long* bar, unsigned parity)
{
    // PTX labels are local to the { } block, so every inlined copy may use the same names.
    asm volatile("{\n.reg .pred done;\nLAB_WAIT:\n"
                 "mbarrier.try_wait.parity.shared::cta.b64 done, [%0], %1;\n"
                 "@done bra.uni LAB_DONE;\n"
                 "bra.uni LAB_WAIT;\n"
                 "LAB_DONE:\n}\n" :: "r"(smem_addr(bar)), "r"(parity) : "memory");
}

// One box of the 2-D map (x = element column, y = row) into shared memory, completing on bar.
__device__ __forceinline__ void tma_load_2d(void* dst, const TmaMap* map, int x, int y, unsigned long long* bar)
{
    asm volatile("cp.async.bulk.tensor.2d.shared::cluster.global.mbarrier::complete_tx::bytes [%0], [%1, {%2, %3}], [%4];"
                 :: "r"(smem_addr(dst)), "l"(map), "r"(x), "r"(y), "r"(smem_addr(bar)) : "memory");
}

// map: qkv as a 2-D tensor of (b·n) rows × (3·h·64) columns, box KN rows × 64 columns, 128-byte swizzle.
// KN keys per tile (64 or 128); H2: exponentials two at a time in fp16 (f16 only).
template <bool BF, int W, int S, int KN, bool H2>
__device__ __forceinline__ void attention_wt_body(void* y, int ty, const TmaMap* map, int n, int h, float scaleLog2e)
{
    constexpr int ROWS = 64 * W, QROWS = (ROWS + KN - 1) / KN * KN, TILE = KN * 128, STAGE = 2 * TILE;
    extern __shared__ __align__(16) unsigned char raw[];
    unsigned char* kvs = raw + ((1024u - (smem_addr(raw) & 1023u)) & 1023u);   // S stages x (K, V): 1024-aligned
    unsigned char* qs = kvs + S * STAGE;                                        // QROWS x 128 bytes (Q comes in KN-row boxes)
    unsigned long long* full = (unsigned long long*)(qs + QROWS * 128);          // S barriers: the stage's tiles arrived
    unsigned long long* empty = full + S;                                       // S barriers: every consumer warp is done with it
    unsigned long long* qfull = empty + S;
    const int head = blockIdx.y, item = blockIdx.z;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31, tig = lane & 3;
    const int q0 = blockIdx.x * ROWS;
    const int tiles = (n + KN - 1) / KN;
    const int row0 = item * n;
    const float negInf = __int_as_float(0xff800000);

    if (threadIdx.x == 0)
    {
        for (int st = 0; st < S; st++)
        {
            mbar_init(&full[st], 1);
            mbar_init(&empty[st], 4 * W);
        }
        mbar_init(qfull, 1);
        asm volatile("fence.mbarrier_init.release.cluster;" ::: "memory");
    }
    __syncthreads();

    if (warp == 4 * W)
    {
        // Producer: Q once, then every K/V tile, a stage reused once all consumer warps released it.
        if (lane == 0)
        {
            mbar_expect_tx(qfull, QROWS * 128);
            for (int g = 0; g < QROWS / KN; g++) tma_load_2d(qs + g * KN * 128, map, head * 64, row0 + q0 + g * KN, qfull);
            for (int j = 0; j < tiles; j++)
            {
                const int st = j % S;
                if (j >= S) mbar_wait(&empty[st], ((j / S) & 1) ^ 1);
                mbar_expect_tx(&full[st], STAGE);
                tma_load_2d(kvs + st * STAGE, map, (h + head) * 64, row0 + j * KN, &full[st]);
                tma_load_2d(kvs + st * STAGE + TILE, map, (2 * h + head) * 64, row0 + j * KN, &full[st]);
            }
        }
        return;
    }

    const unsigned char* qw = qs + (warp >> 2) * 64 * 128;                     // this warpgroup's 64 rows
    float o[32], s[KN / 2], m[2] = {negInf, negInf}, l[2] = {0.0f, 0.0f}, corr[2];
    unsigned pa[KN / 16][4];
#pragma unroll
    for (int i = 0; i < 32; i++) o[i] = 0.0f;
    mbar_wait(qfull, 0);
    for (int j = 0; j < tiles; j++)
    {
        const int st = j % S;
        mbar_wait(&full[st], (j / S) & 1);
        const unsigned char* ks = kvs + st * STAGE;
        const unsigned char* vs = ks + TILE;
        wgmma_fence();
#pragma unroll
        for (int kc = 0; kc < 4; kc++) wgmma_ss<BF, KN>(s, wg_desc(qw + kc * 32, 16, 1024), wg_desc(ks + kc * 32, 16, 1024), kc);
        wgmma_commit();
        wgmma_wait<0>();
        fence_regs<KN / 2>(s);
        wg_softmax<BF, H2, KN, false>(s, pa, m, l, corr, j * KN, n, scaleLog2e, tig);
#pragma unroll
        for (int i = 0; i < 32; i++) o[i] *= corr[i & 2 ? 1 : 0];
        wgmma_fence();
#pragma unroll
        for (int kc = 0; kc < KN / 16; kc++) wgmma_rs<BF, 1>(o, pa[kc], wg_desc(vs + kc * 2048, 1024, 1024), 1);
        wgmma_commit();
        wgmma_wait<0>();
        fence_regs<32>(o);
        if (lane == 0) mbar_arrive(&empty[st]);
    }
    wg_store_output<BF>(y, ty, o, l, q0, warp, lane, n, h, item, head);
}

#define ATTENTION_WT_ONE(NAME, BF, W, S, KN, H2, MINB) \
    extern "C" __global__ void __launch_bounds__(128 * W + 32, MINB) NAME(void* y, int ty, const __grid_constant__ TmaMap map, int n, int h, float scaleLog2e) \
    { attention_wt_body<BF, W, S, KN, H2>(y, ty, &map, n, h, scaleLog2e); }
#define ATTENTION_WT(NAME, W, S, MINB) \
    ATTENTION_WT_ONE(attention_wt_f16_##NAME, false, W, S, 64, false, MINB) \
    ATTENTION_WT_ONE(attention_wt_bf16_##NAME, true, W, S, 64, false, MINB)
#define ATTENTION_WT_K128(NAME, W, S, MINB) \
    ATTENTION_WT_ONE(attention_wt_f16_##NAME, false, W, S, 128, false, MINB) \
    ATTENTION_WT_ONE(attention_wt_bf16_##NAME, true, W, S, 128, false, MINB)
#define ATTENTION_WT_H(NAME, W, S, MINB) \
    ATTENTION_WT_ONE(attention_wt_f16_##NAME##h, false, W, S, 64, true, MINB)

#define ATTENTION_WG(NAME, BF, W, S, OVERLAP, H2, KN, MINB) \
    extern "C" __global__ void __launch_bounds__(128 * W, MINB) NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) \
    { attention_wg_body<BF, W, S, OVERLAP, H2, KN>(y, ty, (const u16*)qkv, n, h, scaleLog2e); }

#define WG_DIAGNOSTIC(NAME, W, S, KN, MINB, DIAG) \
    extern "C" __global__ void __launch_bounds__(128 * W, MINB) attention_wg_f16_##NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) \
    { attention_wg_body<false, W, S, false, false, KN, DIAG>(y, ty, (const u16*)qkv, n, h, scaleLog2e); }

#else
struct TmaMap { unsigned long long v[16]; };
#define ATTENTION_WT(NAME, W, S, MINB) \
    extern "C" __global__ void attention_wt_f16_##NAME(void* y, int ty, const TmaMap map, int n, int h, float scaleLog2e) {} \
    extern "C" __global__ void attention_wt_bf16_##NAME(void* y, int ty, const TmaMap map, int n, int h, float scaleLog2e) {}
#define ATTENTION_WT_K128(NAME, W, S, MINB) ATTENTION_WT(NAME, W, S, MINB)
#define ATTENTION_WT_H(NAME, W, S, MINB) \
    extern "C" __global__ void attention_wt_f16_##NAME##h(void* y, int ty, const TmaMap map, int n, int h, float scaleLog2e) {}
#define WG_DIAGNOSTIC(NAME, W, S, KN, MINB, DIAG) \
    extern "C" __global__ void attention_wg_f16_##NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) {}
#define ATTENTION_WG(NAME, BF, W, S, OVERLAP, H2, KN, MINB) \
    extern "C" __global__ void NAME(void* y, int ty, const void* qkv, int n, int h, float scaleLog2e) {}
#endif

// Variants: w<warpgroups>s<stages>[k128 = 128-key tiles][o = overlap][h = fp16x2 exponentials, f16 only]
// [m<N> = at least N blocks per SM]. Shared memory: S x 2 x KN x 128 bytes (K, V) + W x 8 KB (Q) + 1 KB
// alignment. The list must match CudaBackend.WgVariants.
#define WG_VARIANT(NAME, W, S, OVERLAP, KN, MINB) \
    ATTENTION_WG(attention_wg_f16_##NAME, false, W, S, OVERLAP, false, KN, MINB) \
    ATTENTION_WG(attention_wg_bf16_##NAME, true, W, S, OVERLAP, false, KN, MINB)
#define WG_VARIANT_H(NAME, W, S, OVERLAP, KN, MINB) \
    ATTENTION_WG(attention_wg_f16_##NAME##h, false, W, S, OVERLAP, true, KN, MINB)

WG_VARIANT(w2s2, 2, 2, false, 64, 2)
WG_VARIANT(w2s4, 2, 4, false, 64, 2)
WG_VARIANT(w3s2, 3, 2, false, 64, 1)
WG_VARIANT(w3s3, 3, 3, false, 64, 1)
WG_VARIANT(w2s3o, 2, 3, true, 64, 2)
WG_VARIANT(w3s3o, 3, 3, true, 64, 1)
WG_VARIANT_H(w2s3o, 2, 3, true, 64, 2)
WG_VARIANT(w2s3k128o, 2, 3, true, 128, 1)
// v5 (TMA producer warp): w<consumer warpgroups>s<stages>. Shared memory: S x 16 KB + W x 8 KB + 1 KB + barriers.
// [k128 = 128-key tiles][h = fp16x2 exponentials, f16 only]
ATTENTION_WT(w3s2, 3, 2, 1)
ATTENTION_WT(w3s4, 3, 4, 1)
ATTENTION_WT(w2s2, 2, 2, 2)
ATTENTION_WT(w2s4, 2, 4, 2)
ATTENTION_WT(w1s4, 1, 4, 4)
ATTENTION_WT_K128(w3s2k128, 3, 2, 1)
ATTENTION_WT_K128(w3s3k128, 3, 3, 1)
ATTENTION_WT_K128(w2s2k128, 2, 2, 1)
ATTENTION_WT_H(w3s2, 3, 2, 1)
ATTENTION_WT_H(w2s2, 2, 2, 2)
// Timing diagnostics of w3s2 (f16 only; wrong results by design): where its time goes.
WG_DIAGNOSTIC(w3s2_noload, 3, 2, 64, 1, 1)
WG_DIAGNOSTIC(w3s2_noexp, 3, 2, 64, 1, 2)
WG_DIAGNOSTIC(w3s2_nobarrier, 3, 2, 64, 1, 3)
