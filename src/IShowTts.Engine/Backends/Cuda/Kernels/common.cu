// common.cu: definitions every kernel module includes (#include "common.cu", passed to NVRTC as a
// header; never compiled on its own). Header-free on purpose: NVRTC 13 has no built-in cuda_fp16.h, so
// half and bfloat16 are 16-bit integers converted with PTX cvt (f16) or bit arithmetic (bf16, which
// also runs on sm_75). Element types are run-time codes matching IShowTts.Engine.Tensors.DType; every
// load widens to float and every reduction (norm statistics, softmax, dot products) stays in float.
#pragma once

typedef unsigned short u16;
typedef long long i64;

#define DT_F32 0
#define DT_F16 1
#define DT_BF16 2

// Activation codes (IShowTts.Engine.Tensors.Activation).
#define ACT_NONE 0
#define ACT_GELU 1
#define ACT_GELU_TANH 2
#define ACT_SILU 3
#define ACT_MISH 4

__device__ __forceinline__ float half_to_float(u16 h)
{
    float f;
    asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));
    return f;
}

__device__ __forceinline__ u16 float_to_half(float f)
{
    u16 h;
    asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(f));
    return h;
}

__device__ __forceinline__ float bf16_to_float(u16 h) { return __uint_as_float(((unsigned)h) << 16); }

// Round to nearest even; NaN stays a (quiet) NaN.
__device__ __forceinline__ u16 float_to_bf16(float f)
{
    unsigned u = __float_as_uint(f);
    if ((u & 0x7fffffffu) > 0x7f800000u) return (u16)((u >> 16) | 0x40u);
    u += 0x7fffu + ((u >> 16) & 1u);
    return (u16)(u >> 16);
}

__device__ __forceinline__ float load(const void* p, i64 i, int dt)
{
    if (dt == DT_F32) return ((const float*)p)[i];
    u16 h = ((const u16*)p)[i];
    return dt == DT_F16 ? half_to_float(h) : bf16_to_float(h);
}

__device__ __forceinline__ void store(void* p, i64 i, int dt, float v)
{
    if (dt == DT_F32) ((float*)p)[i] = v;
    else ((u16*)p)[i] = dt == DT_F16 ? float_to_half(v) : float_to_bf16(v);
}

__device__ __forceinline__ float apply_activation(float x, int act)
{
    switch (act)
    {
    case ACT_GELU: return 0.5f * x * (1.0f + erff(x * 0.7071067811865475f));
    case ACT_GELU_TANH:
    {
        float inner = 0.7978845608028654f * (x + 0.044715f * x * x * x);
        return 0.5f * x * (1.0f + tanhf(inner));
    }
    case ACT_SILU: return x / (1.0f + expf(-x));
    case ACT_MISH:
    {
        // PyTorch's softplus threshold of 20.
        float softplus = x > 20.0f ? x : log1pf(expf(x));
        return x * tanhf(softplus);
    }
    default: return x;
    }
}

__device__ __forceinline__ float warp_sum(float v)
{
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

__device__ __forceinline__ double warp_sum_double(double v)
{
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

__device__ __forceinline__ float warp_max(float v)
{
    for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
    return v;
}

// Sum over the block (blockDim.x a multiple of 32, at most 1024); every thread gets the result.
// scratch: 32 floats of shared memory, reusable right after the call returns.
__device__ __forceinline__ float block_sum(float v, float* scratch)
{
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, warps = (blockDim.x + 31) >> 5;
    v = warp_sum(v);
    __syncthreads();
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    float r = lane < warps ? scratch[lane] : 0.0f;
    return warp_sum(r);
}

__device__ __forceinline__ double block_sum_double(double v, double* scratch)
{
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, warps = (blockDim.x + 31) >> 5;
    v = warp_sum_double(v);
    __syncthreads();
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    double r = lane < warps ? scratch[lane] : 0.0;
    return warp_sum_double(r);
}

// Grid-stride loop over [0, count).
#define GRID_LOOP(i, count) \
    for (i64 i = (i64)blockIdx.x * blockDim.x + threadIdx.x; i < (count); i += (i64)gridDim.x * blockDim.x)

// ---- 16-bit vectors: 8 elements (one 16-byte load) widened to float and back ----

__device__ __forceinline__ float u16_to_float(u16 h, int dt) { return dt == DT_F16 ? half_to_float(h) : bf16_to_float(h); }

__device__ __forceinline__ u16 float_to_u16(float f, int dt) { return dt == DT_F16 ? float_to_half(f) : float_to_bf16(f); }

__device__ __forceinline__ void unpack8(uint4 v, int dt, float* f)
{
    unsigned w[4] = { v.x, v.y, v.z, v.w };
#pragma unroll
    for (int k = 0; k < 4; k++)
    {
        f[2 * k] = u16_to_float((u16)(w[k] & 0xffffu), dt);
        f[2 * k + 1] = u16_to_float((u16)(w[k] >> 16), dt);
    }
}

__device__ __forceinline__ uint4 pack8(const float* f, int dt)
{
    unsigned w[4];
#pragma unroll
    for (int k = 0; k < 4; k++) w[k] = (unsigned)float_to_u16(f[2 * k], dt) | ((unsigned)float_to_u16(f[2 * k + 1], dt) << 16);
    return make_uint4(w[0], w[1], w[2], w[3]);
}

// ---- tensor-core helpers (sm_80+; callers guard with __CUDA_ARCH__ >= 800) ----

__device__ __forceinline__ unsigned pack_f16x2(float lo, float hi)
{
    unsigned r;
    asm("cvt.rn.f16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo));
    return r;
}

__device__ __forceinline__ unsigned pack_bf16x2(float lo, float hi)
{
    unsigned r;
    asm("cvt.rn.bf16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo));
    return r;
}

template <bool BF>
__device__ __forceinline__ unsigned pack2(float lo, float hi) { return BF ? pack_bf16x2(lo, hi) : pack_f16x2(lo, hi); }

template <bool BF>
__device__ __forceinline__ void mma16816(float* c, const unsigned* a, unsigned b0, unsigned b1)
{
    if (BF)
        asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
            : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3]) : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
    else
        asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
            : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3]) : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
}

// Shared-memory address of a generic pointer into shared memory (for ldmatrix and cp.async).
__device__ __forceinline__ unsigned smem_addr(const void* p)
{
    unsigned a;
    asm("{ .reg .u64 t; cvta.to.shared.u64 t, %1; cvt.u32.u64 %0, t; }" : "=r"(a) : "l"(p));
    return a;
}

// Four 8x8 16-bit matrices; lanes 8i…8i+7 give the row addresses of matrix i.
static __device__ __forceinline__ void ldmatrix_x4(unsigned* r, const void* p)
{
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0,%1,%2,%3}, [%4];"
        : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3]) : "r"(smem_addr(p)));
}

static __device__ __forceinline__ void ldmatrix_x4_trans(unsigned* r, const void* p)
{
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0,%1,%2,%3}, [%4];"
        : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3]) : "r"(smem_addr(p)));
}

#if __CUDA_ARCH__ >= 800
// 16 bytes global → shared without staging in registers; completes at cp_async_wait.
static __device__ __forceinline__ void cp_async16(void* shared, const void* global)
{
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16;" :: "r"(smem_addr(shared)), "l"(global));
}

static __device__ __forceinline__ void cp_async_commit() { asm volatile("cp.async.commit_group;"); }

// Waits until at most N of the committed groups are still in flight.
template <int N>
__device__ __forceinline__ void cp_async_wait() { asm volatile("cp.async.wait_group %0;" :: "n"(N)); }
#endif
