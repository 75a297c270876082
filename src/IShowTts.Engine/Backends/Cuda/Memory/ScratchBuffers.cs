// The backend's workspaces (ScratchSlot), grown from the pool when a call needs more than the slot holds.
// Growing returns the old block to the pool: safe on one stream, since later kernels run after earlier ones.
// While recorded CUDA graphs exist (KeepRetired) an outgrown block is kept instead, since a graph may still
// point at it; retired blocks go back to the pool when the last graph is disposed.
using IShowTts.Engine.Backends.Cuda.Native.Handles;

namespace IShowTts.Engine.Backends.Cuda.Memory;

internal sealed class ScratchBuffers(DeviceMemoryPool pool) : IDisposable
{
    private readonly DeviceMemoryHandle?[] _slots = new DeviceMemoryHandle?[Enum.GetValues<ScratchSlot>().Length];
    private readonly List<DeviceMemoryHandle> _retired = [];
    private bool _keepRetired;

    /// <summary>Keep outgrown blocks alive (graphs may point at them); turning it off returns them to the pool.</summary>
    public bool KeepRetired
    {
        get => _keepRetired;
        set
        {
            _keepRetired = value;
            if (value) return;
            foreach (var block in _retired) pool.Return(block);
            _retired.Clear();
        }
    }

    /// <summary>Bytes of outgrown blocks kept for recorded graphs.</summary>
    public long RetiredBytes => _retired.Sum(b => b.Bytes);

    public ulong Get(ScratchSlot slot, long bytes)
    {
        var current = _slots[(int)slot];
        if (current is not null && current.Bytes >= bytes) return current.Pointer;
        var block = pool.Rent(bytes);
        if (current is not null)
        {
            if (_keepRetired) _retired.Add(current);
            else pool.Return(current);
        }
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
        KeepRetired = false;
    }
}
