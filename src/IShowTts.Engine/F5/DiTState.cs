// Activations of one request, views into one storage that is kept between requests and grown (between
// requests, never inside the loop) when a longer or wider request arrives. Shapes use B = halves·b
// rows blocks (the conditional half, then the unconditional one) of n frames.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public sealed class DiTState : IDisposable
{
    private TensorStorage? _storage;

    public long CapacityElements => _storage?.Capacity ?? 0;

    /// <summary>Changes whenever the storage is replaced, so graphs recorded on the old buffers are dropped.</summary>
    public int Generation { get; private set; }

    public Tensor X { get; private set; } = null!;          // (B, n, d) residual stream
    public Tensor U { get; private set; } = null!;          // (B, n, d) normed input / scratch
    public Tensor Qkv { get; private set; } = null!;        // (B, n, 3·inner)
    public Tensor Attn { get; private set; } = null!;       // (B, n, inner)
    public Tensor Hidden { get; private set; } = null!;     // (B, n, max(ff, d)) feed-forward hidden / scratch
    public Tensor V { get; private set; } = null!;          // (B, n, D) velocity
    public Tensor XProj { get; private set; } = null!;      // (b, n, d)
    public Tensor PreCond { get; private set; } = null!;    // (b, n, d)
    public Tensor PreUncond { get; private set; } = null!;  // (b, n, d) (empty when not packed)
    public Tensor TextCond { get; private set; } = null!;   // (b, n, text_dim)
    public Tensor TextUncond { get; private set; } = null!; // (b, n, text_dim)
    public Tensor TextTmp { get; private set; } = null!;    // (b, n, text_dim)
    public Tensor TextHidden { get; private set; } = null!; // (b, n, 2·text_dim)
    public Tensor Mod { get; private set; } = null!;        // (depth, steps, 6d)
    public Tensor FinalMod { get; private set; } = null!;   // (steps, 2d)
    public Tensor TimeSilu { get; private set; } = null!;   // (steps, d)
    public Tensor TimeSinus { get; private set; } = null!;  // (steps, 256)

    /// <summary>(MaxFrames, text_dim) the text sinusoid table [cos | sin], uploaded once and kept on the device.</summary>
    public Tensor TextSinusoids { get; private set; } = null!;

    private TensorStorage? _sinusoidStorage;

    /// <summary>Lays out views for this request's sizes, growing the storage first if it is too small.</summary>
    public void Prepare(IBackend be, F5Config c, int b, int n, int steps, int halves)
    {
        int B = halves * b, d = c.Dim, td = c.TextDim;
        var layout = new ParameterLayout();
        layout.Add("x", B, n, d);
        layout.Add("u", B, n, d);
        layout.Add("qkv", B, n, 3 * c.InnerDim);
        layout.Add("attn", B, n, c.InnerDim);
        layout.Add("hidden", B, n, Math.Max(c.FfDim, d));
        layout.Add("v", B, n, c.MelDim);
        layout.Add("xproj", b, n, d);
        layout.Add("precond", b, n, d);
        layout.Add("preuncond", halves == 2 ? b : 0, n, d);
        layout.Add("textcond", b, n, td);
        layout.Add("textuncond", b, n, td);
        layout.Add("texttmp", b, n, td);
        layout.Add("texthidden", b, n, 2 * td);
        layout.Add("mod", c.Depth, steps, 6 * d);
        layout.Add("finalmod", steps, 2 * d);
        layout.Add("silu", steps, d);
        layout.Add("sinus", steps, F5Config.TimeFrequencyDim);
        if (_storage is null || _storage.Capacity < layout.TotalElements)
        {
            _storage?.Dispose();
            _storage = null;
            _storage = be.AllocateStorage(be.ComputeType, layout.TotalElements);
            Generation++;
        }
        if (_sinusoidStorage is null || TextSinusoids.Shape[1] != td)
        {
            _sinusoidStorage?.Dispose();
            _sinusoidStorage = null;
            _sinusoidStorage = be.AllocateStorage(be.ComputeType, (long)F5Config.MaxFrames * td);
            TextSinusoids = new Tensor(_sinusoidStorage, 0, [F5Config.MaxFrames, td]);
            be.Upload(TextSinusoids, TextEmbedding.SinusoidTable(td));
        }
        Tensor T(string name) => new(_storage, layout[name].Offset, layout[name].Shape);
        X = T("x"); U = T("u"); Qkv = T("qkv"); Attn = T("attn"); Hidden = T("hidden"); V = T("v");
        XProj = T("xproj"); PreCond = T("precond"); PreUncond = T("preuncond");
        TextCond = T("textcond"); TextUncond = T("textuncond"); TextTmp = T("texttmp"); TextHidden = T("texthidden");
        Mod = T("mod"); FinalMod = T("finalmod"); TimeSilu = T("silu"); TimeSinus = T("sinus");
    }

    public void Dispose()
    {
        _storage?.Dispose();
        _storage = null;
        _sinusoidStorage?.Dispose();
        _sinusoidStorage = null;
    }
}
