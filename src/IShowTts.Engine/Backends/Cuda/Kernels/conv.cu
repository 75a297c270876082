// conv.cu: convolutions over time with zero padding k/2, channels-last.
//   conv_depthwise  y (b, n, c) = bias + sum_tap x[t + tap - pad] * w (c, k); one thread per output,
//                   taps accumulated in the CPU reference's order.
//   conv_im2col     gathers rows [row0, row0 + rows) of one item into (groups, rows, cig*k) with column
//                   ic*k + tap (PyTorch's weight order), converting to the GEMM's element type; the
//                   grouped convolution is then one strided-batched cuBLASLt GEMM over the groups.
//   v1 (M1): im2col through device memory, then GEMM and an epilogue pass: 524–528 µs at W1's conv_pos.
//   v2 (M2) conv_igemm_<f16|bf16>: implicit GEMM on tensor cores for 64 input and 64 output channels per
//       group (F5's conv_pos): a block computes 128 frames x the 64 outputs of one group as
//       sum over taps of X[t + tap - pad] (128 x 64) · W_tap (64 x 64)ᵀ — the x rows stay in shared memory,
//       one tap's weights per stage stream through a 4-stage cp.async pipeline (3 taps in flight; with
//       2 stages it took 129 µs at W1, the L2 latency exposed every tap), fragments come through ldmatrix,
//       and bias + activation are applied on the accumulators. The weights are repacked once per weight
//       tensor (conv_repack_weights, cached by the backend) from PyTorch's (co, ci/g, k) into
//       (g, k, co/g, ci/g), 16-byte rows per tap.
#include "common.cu"

extern "C" __global__ void conv_depthwise(void* y, int ty, const void* x, int tx, const void* w, int tw,
    const void* bias, int tb, int b, int n, int c, int k)
{
    int pad = k / 2;
    GRID_LOOP(i, (i64)b * n * c)
    {
        int ch = (int)(i % c);
        i64 row = i / c;
        int t = (int)(row % n);
        i64 itemBase = (row - t) * c;
        float acc = load(bias, ch, tb);
        for (int tap = 0; tap < k; tap++)
        {
            int src = t + tap - pad;
            if (src < 0 || src >= n) continue;
            acc = load(x, itemBase + (i64)src * c + ch, tx) * load(w, (i64)ch * k + tap, tw) + acc;
        }
        store(y, i, ty, acc);
    }
}

extern "C" __global__ void conv_im2col(void* dst, int td, const void* x, int tx, int item, int n, int ci, int k, int groups,
    int row0, int rows)
{
    int cig = ci / groups, cols = cig * k, pad = k / 2;
    i64 perGroup = (i64)rows * cols;
    GRID_LOOP(i, perGroup * groups)
    {
        int g = (int)(i / perGroup);
        i64 rem = i % perGroup;
        int r = (int)(rem / cols), col = (int)(rem % cols);
        int ic = col / k, tap = col % k;
        int src = row0 + r + tap - pad;
        float v = src < 0 || src >= n ? 0.0f : load(x, ((i64)item * n + src) * ci + (i64)g * cig + ic, tx);
        store(dst, i, td, v);
    }
}

// w (co, cig, k) → dst (groups, k, cog, cig); same element type (16-bit).
extern "C" __global__ void conv_repack_weights(u16* dst, const u16* w, int co, int cig, int k, int groups)
{
    const int cog = co / groups;
    GRID_LOOP(i, (i64)co * cig * k)
    {
        int tap = (int)(i % k);
        i64 rest = i / k;
        int ic = (int)(rest % cig), oc = (int)(rest / cig);
        int g = oc / cog, o = oc - g * cog;
        dst[(((i64)g * k + tap) * cog + o) * cig + ic] = w[i];
    }
}

#define CV_ROWS 128
#define CV_CH 64
#define CV_LD 72
#define CV_STAGES 4

template <bool BF>
__device__ __forceinline__ void conv_igemm_body(void* y, const u16* x, const u16* wr, const void* bias, int tb,
    int n, int c, int k, int act)
{
#if __CUDA_ARCH__ >= 800
    extern __shared__ __align__(16) u16 smem[];
    const int pad = k / 2, xrows = CV_ROWS + k - 1;
    u16* xs = smem;                        // xrows x CV_LD: frames t0 - pad … t0 + CV_ROWS - 1 + pad
    u16* ws = xs + xrows * CV_LD;          // CV_STAGES x CV_CH x CV_LD: one tap's (co, ci) weights per stage
    const int t0 = blockIdx.x * CV_ROWS, g = blockIdx.y, item = blockIdx.z;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const u16* xg = x + (i64)item * n * c + g * CV_CH;
    const u16* wg = wr + (i64)g * k * CV_CH * CV_CH;

    for (int i = threadIdx.x; i < xrows * 8; i += blockDim.x)
    {
        int r = i >> 3, ch = (i & 7) * 8, t = t0 - pad + r;
        u16* dst = xs + r * CV_LD + ch;
        if (t >= 0 && t < n) cp_async16(dst, xg + (i64)t * c + ch);
        else *(uint4*)dst = make_uint4(0, 0, 0, 0);
    }
    // Weight stages: tap s lives in stage s % CV_STAGES; CV_STAGES - 1 taps are in flight ahead.
    auto loadTap = [&](int tap) {
        const u16* src = wg + (i64)tap * CV_CH * CV_CH;
        u16* dst = ws + (tap % CV_STAGES) * CV_CH * CV_LD;
        for (int i = threadIdx.x; i < CV_CH * 8; i += blockDim.x)
        {
            int r = i >> 3, ch = (i & 7) * 8;
            cp_async16(dst + r * CV_LD + ch, src + r * CV_CH + ch);
        }
    };
    loadTap(0);
    cp_async_commit();
#pragma unroll
    for (int s = 1; s < CV_STAGES - 1; s++)
    {
        if (s < k) loadTap(s);
        cp_async_commit();
    }

    float acc[2][8][4];
#pragma unroll
    for (int mi = 0; mi < 2; mi++)
#pragma unroll
        for (int nt = 0; nt < 8; nt++) acc[mi][nt][0] = acc[mi][nt][1] = acc[mi][nt][2] = acc[mi][nt][3] = 0.0f;

    for (int tap = 0; tap < k; tap++)
    {
        if (tap + CV_STAGES - 1 < k) loadTap(tap + CV_STAGES - 1);
        cp_async_commit();
        cp_async_wait<CV_STAGES - 1>();
        __syncthreads();
        const u16* wt = ws + (tap % CV_STAGES) * CV_CH * CV_LD;
#pragma unroll
        for (int kc = 0; kc < CV_CH / 16; kc++)
        {
            unsigned a[2][4];
#pragma unroll
            for (int mi = 0; mi < 2; mi++)
                ldmatrix_x4(a[mi], xs + (warp * 32 + mi * 16 + (lane & 15) + tap) * CV_LD + kc * 16 + (lane >> 4) * 8);
#pragma unroll
            for (int np = 0; np < 4; np++)
            {
                unsigned bf[4];
                ldmatrix_x4(bf, wt + (np * 16 + (lane & 7) + ((lane >> 4) << 3)) * CV_LD + kc * 16 + ((lane >> 3) & 1) * 8);
#pragma unroll
                for (int mi = 0; mi < 2; mi++)
                {
                    mma16816<BF>(acc[mi][2 * np], a[mi], bf[0], bf[1]);
                    mma16816<BF>(acc[mi][2 * np + 1], a[mi], bf[2], bf[3]);
                }
            }
        }
        __syncthreads();
    }

    const int dt = BF ? DT_BF16 : DT_F16;
#pragma unroll
    for (int mi = 0; mi < 2; mi++)
#pragma unroll
        for (int half = 0; half < 2; half++)
        {
            int t = t0 + warp * 32 + mi * 16 + (lane >> 2) + half * 8;
            if (t >= n) continue;
            u16* yrow = (u16*)y + ((i64)item * n + t) * c + g * CV_CH;
#pragma unroll
            for (int nt = 0; nt < 8; nt++)
            {
                int col = nt * 8 + (lane & 3) * 2;
                float v0 = apply_activation(acc[mi][nt][2 * half] + load(bias, g * CV_CH + col, tb), act);
                float v1 = apply_activation(acc[mi][nt][2 * half + 1] + load(bias, g * CV_CH + col + 1, tb), act);
                *(unsigned*)(yrow + col) = (unsigned)float_to_u16(v0, dt) | ((unsigned)float_to_u16(v1, dt) << 16);
            }
        }
#endif
}

extern "C" __global__ void __launch_bounds__(128) conv_igemm_f16(void* y, const void* x, const void* wr, const void* bias, int tb,
    int n, int c, int k, int act)
{ conv_igemm_body<false>(y, (const u16*)x, (const u16*)wr, bias, tb, n, c, k, act); }

extern "C" __global__ void __launch_bounds__(128) conv_igemm_bf16(void* y, const void* x, const void* wr, const void* bias, int tb,
    int n, int c, int k, int act)
{ conv_igemm_body<true>(y, (const u16*)x, (const u16*)wr, bias, tb, n, c, k, act); }
