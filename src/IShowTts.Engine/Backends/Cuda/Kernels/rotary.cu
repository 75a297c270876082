// rotary.cu: interleaved rotary embedding in place on the q and k parts of qkv (b, n, 3, h, dh) for
// heads < rotaryHeads, position t = frame index. inv_freq arrives by value, computed on the host exactly
// as the CPU backend does (float 1/10000^(2j/dh)); the angle t * inv_freq is the same float product.
//   v1: one thread per rotated pair, cos/sin in double: 43 µs at W1.
//   v2: sincosf without fast-math (full range reduction, ≤ 1 ulp off the double result): 37 µs at W1.
//   v3: one block per frame (grid-stride over frames), 32-bit index math inside a frame: no 64-bit
//       division per pair.
#include "common.cu"

struct InvFreq64 { float v[64]; };

extern "C" __global__ void rotary_interleaved(void* qkv, int tq, int b, int n, int h, int dh, int heads, InvFreq64 invFreq)
{
    const int half = dh / 2, perPart = heads * half, pairs = 2 * perPart;
    for (i64 row = blockIdx.x; row < (i64)b * n; row += gridDim.x)
    {
        const int t = (int)(row % n);
        const i64 rowBase = row * 3LL * h * dh;
        for (int p = threadIdx.x; p < pairs; p += blockDim.x)
        {
            int part = p / perPart;                    // 0 = q, 1 = k
            int rem = p - part * perPart;
            int head = rem / half, j = rem - head * half;
            float angle = (float)t * invFreq.v[j];
            float sn, cs;
            sincosf(angle, &sn, &cs);
            i64 at = rowBase + (i64)part * h * dh + (i64)head * dh + 2 * j;
            float a = load(qkv, at, tq), bb = load(qkv, at + 1, tq);
            store(qkv, at, tq, a * cs - bb * sn);
            store(qkv, at + 1, tq, bb * cs + a * sn);
        }
    }
}
