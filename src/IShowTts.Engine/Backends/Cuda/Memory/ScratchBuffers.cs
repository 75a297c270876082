// The backend's workspaces (ScratchSlot), grown from the pool when a call needs more than the slot holds.
// Growing returns the old block to the pool: safe on one stream, since later kernels run after earlier ones.
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Memory;

internal sealed class ScratchBuffers(DeviceMemoryPool pool) : IDisposable
{
    private readonly DeviceMemoryHandle?[] _slots = new DeviceMemoryHandle?[Enum.GetValues<ScratchSlot>().Length];

    public ulong Get(ScratchSlot slot, long bytes)
    {
        var current = _slots[(int)slot];
        if (current is not null && current.Bytes >= bytes) return current.Pointer;
        if (current is not null) pool.Return(current);
        var block = pool.Rent(bytes);
        _slots[(int)slot] = block;
        return block.Pointer;
    }

    public void Dispose()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] is { } block) pool.Return(block);
            _slots[i] = null;
        }
    }
}
