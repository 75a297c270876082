// grn.cu: ConvNeXt-V2 global response norm over time, per item, in place on x (b, n, c):
// G = ||x||_2 over n per (item, channel); N = G / (mean_c G + 1e-6); x = gamma * (x * N) + beta + x.
//   grn_partial  sums of squares in double (like the CPU reference) of 64 frames x 32 channels per block.
//   grn_scale    one block per item: G from the partial sums, mean over channels, then N.
//   grn_apply    elementwise.
//   v1 had one thread per (item, channel) walking all n frames: 0.27 ms for 1 x 1326 x 1024, x 8 per
//   request in the text embedding; v2 splits the frames over blocks.
#include "common.cu"

// Partial sums of squares (double) of GRN_ROWS frames x 32 channels per block:
// partial (b, chunks, c), chunk = blockIdx.y.
#define GRN_ROWS 64

extern "C" __global__ void __launch_bounds__(256) grn_partial(double* partial, const void* x, int tx, int n, int c)
{
    __shared__ double sums[8][33];
    const int lane = threadIdx.x & 31, row = threadIdx.x >> 5;
    const int ch = blockIdx.x * 32 + lane, chunk = blockIdx.y, item = blockIdx.z;
    const int t0 = chunk * GRN_ROWS, t1 = min(n, t0 + GRN_ROWS);
    double s = 0.0;
    if (ch < c)
        for (int t = t0 + row; t < t1; t += 8)
        {
            double v = load(x, ((i64)item * n + t) * c + ch, tx);
            s += v * v;
        }
    sums[row][lane] = s;
    __syncthreads();
    if (row == 0 && ch < c)
    {
        double total = 0.0;
#pragma unroll
        for (int r = 0; r < 8; r++) total += sums[r][lane];
        partial[((i64)item * gridDim.y + chunk) * c + ch] = total;
    }
}

// One block per item: G = sqrt(sum of the chunks' partial sums) per channel, then N = G / (mean_c G + 1e-6).
extern "C" __global__ void __launch_bounds__(256) grn_scale(double* norms, const double* partial, int chunks, int c)
{
    __shared__ double scratch[32];
    double* g = norms + (i64)blockIdx.x * c;
    const double* p = partial + (i64)blockIdx.x * chunks * c;
    double sum = 0.0;
    for (int i = threadIdx.x; i < c; i += blockDim.x)
    {
        double s = 0.0;
        for (int k = 0; k < chunks; k++) s += p[(i64)k * c + i];
        double v = sqrt(s);
        g[i] = v;
        sum += v;
    }
    double mean = block_sum_double(sum, scratch) / c;
    __syncthreads();
    for (int i = threadIdx.x; i < c; i += blockDim.x) g[i] = g[i] / (mean + 1e-6);
}

extern "C" __global__ void grn_apply(void* x, int tx, const double* scale, const void* gamma, int tg, const void* beta, int tb,
    int b, int n, int c)
{
    GRID_LOOP(i, (i64)b * n * c)
    {
        int ch = (int)(i % c);
        int item = (int)(i / ((i64)n * c));
        float s = (float)scale[(i64)item * c + ch];
        float v = load(x, i, tx);
        store(x, i, tx, load(gamma, ch, tg) * (v * s) + load(beta, ch, tb) + v);
    }
}
