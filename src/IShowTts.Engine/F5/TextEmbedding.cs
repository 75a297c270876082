// Text embedding, computed once per request for the conditional and the unconditional (dropped text)
// half: ids + 1 (0 = filler), cut/padded to the frame count, embedding, the fixed sinusoid, ConvNeXtV2
// blocks with padded positions zeroed (text_mask_padding). Batched items use their own lengths.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.F5;

public static class TextEmbedding
{
    /// <param name="h">(b, n, text_dim) output.</param>
    /// <param name="tmp">(b, n, text_dim) scratch.</param>
    /// <param name="hidden">(b, n, 2·text_dim) scratch.</param>
    /// <param name="ids">per item, token ids (−1 = batch padding).</param>
    /// <param name="seqLens">per item, the frames it owns (n when not batched).</param>
    /// <param name="sinusoids">(MaxFrames, text_dim) the device copy of <see cref="SinusoidTable"/>.</param>
    /// <param name="dropText">the unconditional half: every embedded id is 0, masks still from the real ids.</param>
    public static void Forward(IBackend be, Tensor h, Tensor tmp, Tensor hidden, Tensor sinusoids, F5Weights w,
        IReadOnlyList<int[]> ids, IReadOnlyList<int> seqLens, bool dropText, int n)
    {
        var c = w.Config;
        int b = ids.Count, td = c.TextDim;
        var rows = new int[b * n];
        var textLens = new int[b];
        for (int i = 0; i < b; i++)
        {
            int seq = Math.Min(seqLens[i], n), textLen = 0;
            for (int t = 0; t < n; t++)
            {
                int token = t < ids[i].Length ? ids[i][t] + 1 : 0;
                if (t >= seq) token = 0;
                if (token != 0 && textLen == t) textLen = t + 1;
                // Past the item's frames: a zero row (embedding lookup −1); dropped text: filler row 0.
                rows[i * n + t] = t >= seq ? -1 : dropText ? 0 : token;
            }
            textLens[i] = textLen;
        }
        be.Embedding(h, w.TextTable, rows, td);
        if (c.ConvLayers == 0) return;

        // + the sinusoid rows 0…len−1 of each item (zero past its length): no per-request upload.
        for (int i = 0; i < b; i++)
        {
            int frames = Math.Min(Math.Min(n, seqLens[i]), F5Config.MaxFrames);
            if (frames <= 0) continue;
            var item = h.View((long)i * n * td, frames, td);
            be.Add(item, item, sinusoids.View(0, frames, td), (long)frames * td);
        }
        if (c.TextMaskPadding) be.ZeroPaddedFrames(h, textLens, b, n, td);
        foreach (var block in w.TextBlocks)
        {
            ConvNeXtV2Block.Forward(be, h, tmp, hidden, block, b, n, td);
            if (c.TextMaskPadding) be.ZeroPaddedFrames(h, textLens, b, n, td);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, float[]> Tables = new();

    /// <summary>precompute_freqs_cis(text_dim, 8192): (MaxFrames, text_dim) rows of [cos | sin], built once per width.</summary>
    public static float[] SinusoidTable(int td) => Tables.GetOrAdd(td, BuildTable);

    /// <summary>The whole 8192-row table, built once per width (16 MB at 512): sin/cos of float32 angles, as torch computes them.</summary>
    private static float[] BuildTable(int td)
    {
        int half = td / 2;
        var freqs = new float[half];
        // float32 like torch: 1 / 10000^(2j/td).
        for (int j = 0; j < half; j++) freqs[j] = 1f / MathF.Pow(10000f, (float)(2 * j) / td);
        var table = new float[F5Config.MaxFrames * td];
        Parallel.For(0, F5Config.MaxFrames, t =>
        {
            int row = t * td;
            for (int j = 0; j < half; j++)
            {
                float angle = t * freqs[j];
                table[row + j] = (float)Math.Cos(angle);
                table[row + half + j] = (float)Math.Sin(angle);
            }
        });
        return table;
    }
}
