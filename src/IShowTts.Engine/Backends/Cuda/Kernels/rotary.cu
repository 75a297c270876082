// rotary.cu: interleaved rotary embedding in place on the q and k parts of qkv (b, n, 3, h, dh) for
// heads < rotaryHeads, position t = frame index. inv_freq arrives by value, computed on the host exactly
// as the CPU backend does (float 1/10000^(2j/dh)); the angle t * inv_freq is the same float product.
//   v1: one thread per rotated pair, cos/sin in double: 43 µs at W1.
//   v2: sincosf without fast-math (full range reduction, ≤ 1 ulp off the double result): 37 µs at W1.
//   v3: one block per frame (grid-stride over frames), 32-bit index math inside a frame: no 64-bit
//       division per pair. 33–37 µs at W1.
//   v4 rotary_pairs (f16/bf16): 4 frames per block; the frames' cos/sin tables (one sincosf per
//       frequency, shared by every head and by q and k) in shared memory, then each pair as one
//       32-bit load and store.
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

#define ROT_FRAMES 4

extern "C" __global__ void __launch_bounds__(256) rotary_pairs(void* qkv, int dt, int b, int n, int h, int dh, int heads,
    InvFreq64 invFreq)
{
    __shared__ float cs[ROT_FRAMES][64], sn[ROT_FRAMES][64];
    const int half = dh / 2, perPart = heads * half, pairs = 2 * perPart;
    const i64 rows = (i64)b * n;
    unsigned* words = (unsigned*)qkv;
    const i64 rowWords = 3LL * h * dh / 2;
    for (i64 row0 = (i64)blockIdx.x * ROT_FRAMES; row0 < rows; row0 += (i64)gridDim.x * ROT_FRAMES)
    {
        __syncthreads();
        for (int e = threadIdx.x; e < ROT_FRAMES * half; e += blockDim.x)
        {
            int f = e / half, j = e - f * half;
            i64 row = row0 + f;
            float angle = (float)(int)(row % n) * invFreq.v[j];
            sincosf(angle, &sn[f][j], &cs[f][j]);
        }
        __syncthreads();
        const int frames = (int)min((i64)ROT_FRAMES, rows - row0);
        for (int e = threadIdx.x; e < frames * pairs; e += blockDim.x)
        {
            int f = e / pairs, p = e - f * pairs;
            int part = p / perPart, rem = p - part * perPart;
            int head = rem / half, j = rem - head * half;
            unsigned* at = words + (row0 + f) * rowWords + (i64)part * h * dh / 2 + head * dh / 2 + j;
            unsigned w = *at;
            float a = u16_to_float((u16)(w & 0xffffu), dt), bb = u16_to_float((u16)(w >> 16), dt);
            float c = cs[f][j], s = sn[f][j];
            *at = (unsigned)float_to_u16(a * c - bb * s, dt) | ((unsigned)float_to_u16(bb * c + a * s, dt) << 16);
        }
    }
}
