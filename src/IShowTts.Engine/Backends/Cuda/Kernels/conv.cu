// conv.cu: convolutions over time with zero padding k/2, channels-last.
//   conv_depthwise  y (b, n, c) = bias + sum_tap x[t + tap - pad] * w (c, k); one thread per output,
//                   taps accumulated in the CPU reference's order.
//   conv_im2col     gathers rows [row0, row0 + rows) of one item into (groups, rows, cig*k) with column
//                   ic*k + tap (PyTorch's weight order), converting to the GEMM's element type; the
//                   grouped convolution is then one strided-batched cuBLASLt GEMM over the groups.
//   v1 (M1): im2col through device memory; an implicit-GEMM kernel that skips it is M2 work.
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
