// rotary.cu: interleaved rotary embedding in place on the q and k parts of qkv (b, n, 3, h, dh) for
// heads < rotaryHeads, position t = frame index. inv_freq arrives by value, computed on the host exactly
// as the CPU backend does (float 1/10000^(2j/dh)); the angle t * inv_freq is the same float product.
//   v1: one thread per rotated pair, cos/sin in double: 43 µs at W1.
//   v2: sincosf without fast-math (full range reduction, ≤ 1 ulp off the double result): 37 µs at W1.
//   v3: one block per frame (grid-stride over frames), 32-bit index math inside a frame: no 64-bit
//       division per pair. 33–37 µs at W1.
//   v4 rotary_pairs (f16/bf16, dh % 8 == 0): 8 frames per block; the frames' cos/sin tables (one
//       sincosf per frequency, shared by every head and by q and k) in shared memory; each thread keeps
//       the same 4 pairs (one 16-byte load) over the block's frames, all 8 loads in flight at once.
//       (A first v4 with a 32-bit load per pair and per-element index division took 26 µs.)
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

#define ROT_FRAMES 8

extern "C" __global__ void __launch_bounds__(256) rotary_pairs(void* qkv, int dt, int b, int n, int h, int dh, int heads,
    InvFreq64 invFreq)
{
    __shared__ float cs[ROT_FRAMES][64], sn[ROT_FRAMES][64];
    const int half = dh / 2, quadsPerHead = half / 4, quadsPerPart = heads * quadsPerHead, quads = 2 * quadsPerPart;
    const i64 rows = (i64)b * n, rowHalves = 3LL * h * dh;
    for (i64 row0 = (i64)blockIdx.x * ROT_FRAMES; row0 < rows; row0 += (i64)gridDim.x * ROT_FRAMES)
    {
        __syncthreads();
        for (int e = threadIdx.x; e < ROT_FRAMES * half; e += blockDim.x)
        {
            int f = e / half, j = e - f * half;
            i64 row = row0 + f;
            if (row < rows) sincosf((float)(int)(row % n) * invFreq.v[j], &sn[f][j], &cs[f][j]);
        }
        __syncthreads();
        const int frames = (int)min((i64)ROT_FRAMES, rows - row0);
        for (int qd = threadIdx.x; qd < quads; qd += blockDim.x)
        {
            int part = qd / quadsPerPart, rem = qd - part * quadsPerPart;
            int head = rem / quadsPerHead, j0 = (rem - head * quadsPerHead) * 4;
            u16* at = (u16*)qkv + row0 * rowHalves + (i64)part * h * dh + head * dh + 2 * j0;
            uint4 v[ROT_FRAMES];
#pragma unroll
            for (int f = 0; f < ROT_FRAMES; f++)
                if (f < frames) v[f] = *(const uint4*)(at + f * rowHalves);
#pragma unroll
            for (int f = 0; f < ROT_FRAMES; f++)
            {
                if (f >= frames) break;
                float x[8];
                unpack8(v[f], dt, x);
#pragma unroll
                for (int p = 0; p < 4; p++)
                {
                    float a = x[2 * p], bb = x[2 * p + 1], c = cs[f][j0 + p], s = sn[f][j0 + p];
                    x[2 * p] = a * c - bb * s;
                    x[2 * p + 1] = bb * c + a * s;
                }
                *(uint4*)(at + f * rowHalves) = pack8(x, dt);
            }
        }
    }
}
