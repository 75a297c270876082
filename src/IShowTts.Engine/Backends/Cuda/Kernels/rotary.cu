// rotary.cu: interleaved rotary embedding in place on the q and k parts of qkv (b, n, 3, h, dh) for
// heads < rotaryHeads, position t = frame index. inv_freq arrives by value, computed on the host exactly
// as the CPU backend does (float 1/10000^(2j/dh)); the angle t * inv_freq is the same float product.
//   v1: one thread per rotated pair, cos/sin in double (43 µs at W1: double trig is slow).
//   v2: sincosf without fast-math (full range reduction, ≤ 1 ulp off the double result).
#include "common.cu"

struct InvFreq64 { float v[64]; };

extern "C" __global__ void rotary_interleaved(void* qkv, int tq, int b, int n, int h, int dh, int heads, InvFreq64 invFreq)
{
    int half = dh / 2;
    i64 pairsPerRow = 2LL * heads * half;
    GRID_LOOP(i, (i64)b * n * pairsPerRow)
    {
        i64 row = i / pairsPerRow;
        int rem = (int)(i % pairsPerRow);
        int part = rem / (heads * half);          // 0 = q, 1 = k
        int head = (rem / half) % heads;
        int j = rem % half;
        int t = (int)(row % n);
        float angle = (float)t * invFreq.v[j];
        float sn, cs;
        sincosf(angle, &sn, &cs);
        i64 at = row * 3LL * h * dh + (i64)part * h * dh + (i64)head * dh + 2 * j;
        float a = load(qkv, at, tq), bb = load(qkv, at + 1, tq);
        store(qkv, at, tq, a * cs - bb * sn);
        store(qkv, at + 1, tq, bb * cs + a * sn);
    }
}
