// Emits pickle protocol-2 opcodes the way torch.save does, so tests can build state-dict checkpoints
// (and hostile ones) without Python. Only the opcodes the tests need; no memo.
using System.Buffers.Binary;
using System.Text;

namespace IShowTts.Engine.Tests.Weights.Support;

internal sealed class PickleWriter
{
    private readonly MemoryStream _bytes = new();

    public PickleWriter() => Op(0x80, 2);                                      // PROTO 2

    public byte[] Finish() { Op((byte)'.'); return _bytes.ToArray(); }          // STOP

    public PickleWriter Op(params byte[] bytes) { _bytes.Write(bytes); return this; }
    public PickleWriter Mark() => Op((byte)'(');
    public PickleWriter EmptyDict() => Op((byte)'}');
    public PickleWriter EmptyTuple() => Op((byte)')');
    public PickleWriter Tuple() => Op((byte)'t');
    public PickleWriter SetItems() => Op((byte)'u');
    public PickleWriter SetItem() => Op((byte)'s');
    public PickleWriter Reduce() => Op((byte)'R');
    public PickleWriter False() => Op(0x89);

    public PickleWriter Str(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
        return Op((byte)'X').Op(length).Op(utf8);
    }

    public PickleWriter Int(long value)
    {
        if (value is >= 0 and < 256) return Op((byte)'K', (byte)value);
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return Op(0x8a, 8).Op(bytes);                                           // LONG1
    }

    public PickleWriter Global(string module, string name) => Op((byte)'c').Op(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));

    public PickleWriter StackGlobal(string module, string name) => Str(module).Str(name).Op(0x93);

    public PickleWriter IntTuple(long[] values)
    {
        Mark();
        foreach (var v in values) Int(v);
        return Tuple();
    }

    /// <summary>torch._utils._rebuild_tensor_v2(('storage', torch.&lt;type&gt;, key, 'cpu', numel), offset, shape, stride, False, OrderedDict()).</summary>
    public PickleWriter Tensor(string storageType, string storageKey, long storageNumel, long offset, long[] shape, long[] stride)
    {
        Global("torch._utils", "_rebuild_tensor_v2");
        Mark();
        Mark().Str("storage").Global("torch", storageType).Str(storageKey).Str("cpu").Int(storageNumel).Tuple();
        Op((byte)'Q');                                                          // BINPERSID
        Int(offset).IntTuple(shape).IntTuple(stride).False();
        Global("collections", "OrderedDict").EmptyTuple().Reduce();
        Tuple();
        return Reduce();
    }

    /// <summary>A contiguous tensor filling its own storage from offset 0.</summary>
    public PickleWriter Tensor(string storageType, string storageKey, long[] shape)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var stride = new long[shape.Length];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--) { stride[i] = s; s *= shape[i]; }
        return Tensor(storageType, storageKey, count, 0, shape, stride);
    }
}
