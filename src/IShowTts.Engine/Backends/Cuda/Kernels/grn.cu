// grn.cu: ConvNeXt-V2 global response norm over time, per item, in place on x (b, n, c):
// G = ||x||_2 over n per (item, channel); N = G / (mean_c G + 1e-6); x = gamma * (x * N) + beta + x.
//   grn_norms  one thread per (item, channel), sums of squares in double (like the CPU reference).
//   grn_scale  one block per item: mean over channels, then N in place of G.
//   grn_apply  elementwise.
//   v1: the text embedding runs this once per request, so it is not tuned.
#include "common.cu"

extern "C" __global__ void grn_norms(double* norms, const void* x, int tx, int b, int n, int c)
{
    GRID_LOOP(i, (i64)b * c)
    {
        int item = (int)(i / c), ch = (int)(i % c);
        double s = 0.0;
        for (int t = 0; t < n; t++)
        {
            double v = load(x, ((i64)item * n + t) * c + ch, tx);
            s += v * v;
        }
        norms[i] = sqrt(s);
    }
}

extern "C" __global__ void __launch_bounds__(256) grn_scale(double* norms, int c)
{
    __shared__ double scratch[32];
    double* g = norms + (i64)blockIdx.x * c;
    double sum = 0.0;
    for (int i = threadIdx.x; i < c; i += blockDim.x) sum += g[i];
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
