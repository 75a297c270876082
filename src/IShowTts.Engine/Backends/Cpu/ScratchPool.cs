// Reusable float buffers for ops that need temporaries, so a request's sampling loop allocates
// nothing after its first step (buffers are kept and handed out again).
namespace IShowTts.Engine.Backends.Cpu;

internal sealed class ScratchPool
{
    private readonly List<float[]> _free = [];
    private readonly Lock _lock = new();

    public float[] Rent(long minLength)
    {
        lock (_lock)
        {
            int best = -1;
            for (int i = 0; i < _free.Count; i++)
                if (_free[i].Length >= minLength && (best < 0 || _free[i].Length < _free[best].Length))
                    best = i;
            if (best >= 0)
            {
                var buffer = _free[best];
                _free.RemoveAt(best);
                return buffer;
            }
        }
        return GC.AllocateUninitializedArray<float>(checked((int)minLength));
    }

    public void Return(float[] buffer)
    {
        lock (_lock) _free.Add(buffer);
    }

    public void Clear()
    {
        lock (_lock) _free.Clear();
    }
}
