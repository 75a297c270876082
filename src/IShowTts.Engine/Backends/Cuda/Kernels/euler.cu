// euler.cu: one Euler step with classifier-free guidance on the ODE state y (count):
// y += dt * (v_c + (v_c - v_u) * cfg) when packed (v holds v_c then v_u), else y += dt * v_c.
// Evaluated in float in the official order.
//   v1: grid-stride, one element per thread step.
#include "common.cu"

extern "C" __global__ void euler_cfg_step(void* y, int ty, const void* v, int tv, i64 count, float dt, float cfg, int packed)
{
    GRID_LOOP(i, count)
    {
        float vc = load(v, i, tv);
        float step = packed ? vc + (vc - load(v, i + count, tv)) * cfg : vc;
        store(y, i, ty, load(y, i, ty) + dt * step);
    }
}
