// A pickle reader restricted to what a torch.save state dict needs: plain data opcodes (ints, floats,
// strings, tuples, lists, dicts, memo), persistent storage ids, and REDUCE/BUILD only on the allowlisted
// globals of TorchGlobals, which map to C# code here. Any other global is refused when it is named, so
// nothing is ever resolved or executed. Not a general unpickler: no classes, no text-protocol opcodes.
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace IShowTts.Engine.Weights.Internal.Pickle;

internal sealed class RestrictedUnpickler
{
    private readonly byte[] _data;
    private readonly string _path;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = [];
    private int _position;
    private int _opcodeAt;

    private RestrictedUnpickler(byte[] data, string path)
    {
        _data = data;
        _path = path;
    }

    /// <summary>The object the pickle describes; <paramref name="path"/> names the checkpoint in every error.</summary>
    public static object? Load(byte[] data, string path) => new RestrictedUnpickler(data, path).Run();

    private object? Run()
    {
        while (true)
        {
            _opcodeAt = _position;
            byte opcode = ReadByte();
            switch (opcode)
            {
                case 0x80: // PROTO
                    if (ReadByte() > 5) throw Corrupt("unknown pickle protocol");
                    break;
                case 0x95: Read(8); break;                                   // FRAME: framing only, data follows inline
                case (byte)'.': return Pop();                               // STOP
                case (byte)'(': _marks.Push(_stack.Count); break;           // MARK
                case (byte)'0': Pop(); break;                                // POP
                case (byte)'1': PopMark(); break;                            // POP_MARK
                case (byte)'2': Push(Peek()); break;                         // DUP

                case (byte)'N': Push(null); break;                           // NONE
                case 0x88: Push(true); break;                                // NEWTRUE
                case 0x89: Push(false); break;                               // NEWFALSE
                case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Read(4))); break;   // BININT
                case (byte)'K': Push((long)ReadByte()); break;                                        // BININT1
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Read(2))); break;  // BININT2
                case 0x8a: Push(ReadLong(ReadByte())); break;                                         // LONG1
                case 0x8b: Push(ReadLong(ReadLength(BinaryPrimitives.ReadInt32LittleEndian(Read(4))))); break; // LONG4
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Read(8))); break;           // BINFLOAT

                case (byte)'X': Push(Utf8(ReadLength(BinaryPrimitives.ReadUInt32LittleEndian(Read(4))))); break; // BINUNICODE
                case 0x8c: Push(Utf8(ReadByte())); break;                                                     // SHORT_BINUNICODE
                case 0x8d: Push(Utf8(ReadLength((long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(Read(8)), long.MaxValue)))); break;   // BINUNICODE8
                case (byte)'U': Push(Encoding.Latin1.GetString(Read(ReadByte()))); break;                     // SHORT_BINSTRING
                case (byte)'T': Push(Encoding.Latin1.GetString(Read(ReadLength(BinaryPrimitives.ReadInt32LittleEndian(Read(4)))))); break; // BINSTRING
                case (byte)'C': Push(Read(ReadByte()).ToArray()); break;                                      // SHORT_BINBYTES
                case (byte)'B': Push(Read(ReadLength(BinaryPrimitives.ReadUInt32LittleEndian(Read(4)))).ToArray()); break; // BINBYTES

                case (byte)'}': Push(new PickleDict()); break;               // EMPTY_DICT
                case (byte)'d': Push(DictFrom(PopMark())); break;            // DICT
                case (byte)']': Push(new List<object?>()); break;            // EMPTY_LIST
                case (byte)'l': Push(PopMark()); break;                      // LIST
                case (byte)')': Push(Array.Empty<object?>()); break;         // EMPTY_TUPLE
                case (byte)'t': Push(PopMark().ToArray()); break;            // TUPLE
                case 0x85: Push(PopTuple(1)); break;                         // TUPLE1
                case 0x86: Push(PopTuple(2)); break;                         // TUPLE2
                case 0x87: Push(PopTuple(3)); break;                         // TUPLE3

                case (byte)'s': { var value = Pop(); var key = Pop(); PeekAs<PickleDict>("SETITEM").Set(key, value); break; }
                case (byte)'u': SetItems(); break;                           // SETITEMS
                case (byte)'a': { var item = Pop(); PeekAs<List<object?>>("APPEND").Add(item); break; }
                case (byte)'e': { var items = PopMark(); PeekAs<List<object?>>("APPENDS").AddRange(items); break; }

                case (byte)'q': _memo[ReadByte()] = Peek(); break;                                               // BINPUT
                case (byte)'r': _memo[BinaryPrimitives.ReadUInt32LittleEndian(Read(4))] = Peek(); break;        // LONG_BINPUT
                case 0x94: _memo[_memo.Count] = Peek(); break;                                                   // MEMOIZE
                case (byte)'h': Push(Memo(ReadByte())); break;                                                   // BINGET
                case (byte)'j': Push(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Read(4)))); break;            // LONG_BINGET

                case (byte)'c': Push(Global(ReadLine(), ReadLine())); break;                                     // GLOBAL
                case 0x93: { var name = PopAs<string>("STACK_GLOBAL name"); var module = PopAs<string>("STACK_GLOBAL module"); Push(Global(module, name)); break; }
                case (byte)'Q': Push(PersistentLoad(Pop())); break;                                              // BINPERSID
                case (byte)'R': { var args = PopAs<object?[]>("REDUCE arguments"); var callable = PopAs<PickleGlobal>("REDUCE callable"); Push(Reduce(callable, args)); break; }
                case (byte)'b': Build(); break;                                                                  // BUILD

                default:
                    throw Corrupt($"pickle opcode 0x{opcode:x2} ('{(char)opcode}') is not one a state dict uses");
            }
        }
    }

    private PickleGlobal Global(string module, string name)
    {
        if (!TorchGlobals.IsAllowed(module, name))
            throw new EngineException(
                $"Refusing to load '{_path}': its pickle asks for the Python global '{module}.{name}', which a weights " +
                "checkpoint never needs (only tensors, storages and collections.OrderedDict are allowed). Nothing was executed.");
        return new PickleGlobal(module, name);
    }

    private TorchStorage PersistentLoad(object? id)
    {
        if (id is not object?[] { Length: 5 } t || t[0] is not "storage" || t[1] is not PickleGlobal type
            || !TorchGlobals.IsStorageType(type.Module, type.Name) || t[2] is not string key || t[4] is not long count || count < 0)
            throw Corrupt("a persistent id is not ('storage', <torch storage type>, key, location, numel)");
        var (dtype, size, torchName) = TorchGlobals.Storage(type.Name);
        return new TorchStorage(key, type.FullName, dtype, torchName, size, count);
    }

    private object? Reduce(PickleGlobal callable, object?[] args)
    {
        switch (callable.FullName)
        {
            case TorchGlobals.OrderedDict:
                if (args.Length == 0) return new PickleDict();
                if (args is [List<object?> pairs]) return DictFrom(pairs.SelectMany(p => p is object?[] { Length: 2 } kv ? kv : throw Corrupt("OrderedDict item is not a pair")).ToList());
                throw Corrupt("OrderedDict called with unexpected arguments");
            case TorchGlobals.RebuildTensorV2:
                // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
                if (args.Length < 4 || args[0] is not TorchStorage storage || args[1] is not long offset
                    || args[2] is not object?[] size || args[3] is not object?[] stride)
                    throw Corrupt("_rebuild_tensor_v2 called with unexpected arguments");
                return new TorchTensor(storage, offset, Longs(size, "tensor size"), Longs(stride, "tensor stride"));
            case TorchGlobals.RebuildParameter:
                // (data, requires_grad, backward_hooks): a Parameter is its data for reading weights.
                if (args.Length < 1 || args[0] is not TorchTensor tensor)
                    throw Corrupt("_rebuild_parameter called with unexpected arguments");
                return tensor;
            default:
                throw Corrupt($"'{callable.FullName}' is allowed only as a storage type, not called");
        }
    }

    private void Build()
    {
        Pop(); // the state: OrderedDict's _metadata or a tensor's Python attributes, neither needed for weights
        if (Peek() is not (PickleDict or TorchTensor))
            throw Corrupt("BUILD applies state to an object other than a dict or tensor");
    }

    private void SetItems()
    {
        var items = PopMark();
        if (items.Count % 2 != 0) throw Corrupt("SETITEMS with an odd number of items");
        var dict = PeekAs<PickleDict>("SETITEMS");
        for (int i = 0; i < items.Count; i += 2)
            dict.Set(items[i], items[i + 1]);
    }

    private PickleDict DictFrom(List<object?> items)
    {
        if (items.Count % 2 != 0) throw Corrupt("DICT with an odd number of items");
        var dict = new PickleDict();
        for (int i = 0; i < items.Count; i += 2)
            dict.Set(items[i], items[i + 1]);
        return dict;
    }

    private long[] Longs(object?[] values, string what)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i] is long v ? v : throw Corrupt($"{what} holds a non-integer");
        return result;
    }

    private object? Memo(long index) =>
        _memo.TryGetValue(index, out var value) ? value : throw Corrupt($"memo entry {index} is read before it is written");

    private object?[] PopTuple(int count)
    {
        if (_stack.Count - count < CurrentMarkFloor()) throw Corrupt("stack underflow");
        var tuple = _stack.GetRange(_stack.Count - count, count).ToArray();
        _stack.RemoveRange(_stack.Count - count, count);
        return tuple;
    }

    private List<object?> PopMark()
    {
        if (_marks.Count == 0) throw Corrupt("an opcode needs a MARK that is not there");
        int start = _marks.Pop();
        var items = _stack.GetRange(start, _stack.Count - start);
        _stack.RemoveRange(start, _stack.Count - start);
        return items;
    }

    private int CurrentMarkFloor() => _marks.Count > 0 ? _marks.Peek() : 0;

    private void Push(object? value) => _stack.Add(value);

    private object? Peek() => _stack.Count > CurrentMarkFloor() ? _stack[^1] : throw Corrupt("stack underflow");

    private object? Pop()
    {
        var value = Peek();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private T PopAs<T>(string what) => Pop() is T value ? value : throw Corrupt($"{what} has an unexpected type");

    private T PeekAs<T>(string opcode) => Peek() is T value ? value : throw Corrupt($"{opcode} targets an object of an unexpected type");

    private byte ReadByte() => Read(1)[0];

    private ReadOnlySpan<byte> Read(int count)
    {
        if (count < 0 || count > _data.Length - _position)
            throw Corrupt("the pickle ends early (truncated data.pkl)");
        var span = _data.AsSpan(_position, count);
        _position += count;
        return span;
    }

    private int ReadLength(long length) =>
        length < 0 || length > _data.Length - _position ? throw Corrupt("a length runs past the end of data.pkl") : (int)length;

    private string Utf8(int length) => Encoding.UTF8.GetString(Read(length));

    private object ReadLong(int length)
    {
        var value = new BigInteger(Read(length), isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }

    private string ReadLine()
    {
        int end = Array.IndexOf(_data, (byte)'\n', _position);
        if (end < 0) throw Corrupt("the pickle ends early inside a GLOBAL name (truncated data.pkl)");
        var text = Encoding.UTF8.GetString(_data, _position, end - _position);
        _position = end + 1;
        return text;
    }

    private EngineException Corrupt(string reason) =>
        new($"'{_path}' is not a usable PyTorch checkpoint: {reason} (data.pkl byte {_opcodeAt}).");
}
