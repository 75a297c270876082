// embedding.cu: y (rows, c) = table (vocab, c)[ids[r]]; ids < 0 give a zero row. ids are validated on
// the host (an id past the table is an error with a message there, not a silent read).
//   v1: one thread per element, grid-stride.
#include "common.cu"

extern "C" __global__ void embedding_lookup(void* y, int ty, const void* table, int tt, const int* ids, int rows, int c)
{
    GRID_LOOP(i, (i64)rows * c)
    {
        int r = (int)(i / c), col = (int)(i % c);
        int id = ids[r];
        store(y, i, ty, id < 0 ? 0.0f : load(table, (i64)id * c + col, tt));
    }
}
