// Elementwise ops, the embedding lookup and the Euler step: one kernel launch each (elementwise.cu,
// embedding.cu, euler.cu). Per-item lengths travel as kernel parameters; token ids through staging.
using IShowTts.Engine.Backends.Cuda.Compilation;
using IShowTts.Engine.Backends.Cuda.Memory;
using IShowTts.Engine.Backends.Cuda.Native;
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Backends.Cuda;

public sealed partial class CudaBackend
{
    public void Add(Tensor y, Tensor a, Tensor b, long count)
    {
        Need(y, count, "Add y");
        Need(a, count, "Add a");
        Need(b, count, "Add b");
        if (count == 0) return;
        MakeCurrent();
        Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(a)).Add(Code(a)).Add(Ptr(b)).Add(Code(b)).Add(count);
        Launch("ew_add", GridFor(count));
    }

    public void Activate(Tensor y, Tensor x, long count, Activation act)
    {
        Need(y, count, "Activate y");
        Need(x, count, "Activate x");
        if (count == 0) return;
        MakeCurrent();
        Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(x)).Add(Code(x)).Add(count).Add((int)act);
        Launch("ew_activate", GridFor(count));
    }

    public void ZeroPaddedFrames(Tensor x, ReadOnlySpan<int> validLengths, int b, int n, int c)
    {
        Need(x, (long)b * n * c, "ZeroPaddedFrames");
        if (validLengths.Length < b) throw new ArgumentException($"ZeroPaddedFrames: {validLengths.Length} lengths for {b} items");
        MakeCurrent();
        long perItem = (long)n * c;
        for (int first = 0; first < b; first += 64)
        {
            int items = Math.Min(64, b - first);
            var lens = new Lengths64();
            for (int i = 0; i < items; i++) lens[i] = validLengths[first + i];
            ulong at = Ptr(x) + (ulong)(first * perItem * x.DType.SizeInBytes());
            Args().Add(at).Add(Code(x)).Add(lens).Add(items).Add(n).Add(c);
            Launch("ew_zero_padded", GridFor(items * perItem));
        }
    }

    public void GatedAdd(Tensor x, Tensor a, Tensor gate, int rows, int c)
    {
        long count = (long)rows * c;
        Need(x, count, "GatedAdd x");
        Need(a, count, "GatedAdd a");
        Need(gate, c, "GatedAdd gate");
        if (count == 0) return;
        MakeCurrent();
        Args().Add(Ptr(x)).Add(Code(x)).Add(Ptr(a)).Add(Code(a)).Add(Ptr(gate)).Add(Code(gate)).Add((long)rows).Add(c);
        Launch("ew_gated_add", GridFor(count));
    }

    public unsafe void Embedding(Tensor y, Tensor table, ReadOnlySpan<int> ids, int c)
    {
        int rows = ids.Length;
        Need(y, (long)rows * c, "Embedding y");
        if (rows == 0) return;
        long vocab = table.Count / c;
        foreach (var id in ids)
            if (id >= vocab) throw new EngineException($"token id {id} is outside the embedding table of {vocab} rows");
        MakeCurrent();
        ThrowIfCapturing("Embedding (it uploads token ids)");
        ulong deviceIds = _scratch.Get(ScratchSlot.TokenIds, (long)rows * sizeof(int));
        for (int start = 0; start < rows; start += (int)(_staging.MaxChunkBytes / sizeof(int)))
        {
            var part = ids.Slice(start, Math.Min((int)(_staging.MaxChunkBytes / sizeof(int)), rows - start));
            byte* host = _staging.Reserve((long)part.Length * sizeof(int));
            part.CopyTo(new Span<int>(host, part.Length));
            CudaDriver.Check(CudaDriver.cuMemcpyHtoDAsync(deviceIds + (ulong)start * sizeof(int), host, (nuint)(part.Length * sizeof(int)), _stream.Value));
        }
        Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(table)).Add(Code(table)).Add(deviceIds).Add(rows).Add(c);
        Launch("embedding_lookup", GridFor((long)rows * c));
    }

    public void EulerCfgStep(Tensor y, Tensor v, long count, float dt, float cfgStrength, bool packed)
    {
        Need(y, count, "EulerCfgStep y");
        Need(v, packed ? 2 * count : count, "EulerCfgStep v");
        if (count == 0) return;
        MakeCurrent();
        Args().Add(Ptr(y)).Add(Code(y)).Add(Ptr(v)).Add(Code(v)).Add(count).Add(dt).Add(cfgStrength).Add(packed ? 1 : 0);
        Launch("euler_cfg_step", GridFor(count));
    }
}
