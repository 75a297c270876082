// The DiT's shape: a named preset (F5TTS_v1_Base, F5TTS_Base) or an `arch` description in the format of
// the golden sets' meta files, cross-checked against the checkpoint's tensor shapes when loading.
using System.Text.Json;

namespace IShowTts.Engine.F5;

/// <param name="Dim">d, model width.</param>
/// <param name="Depth">number of DiT blocks.</param>
/// <param name="Heads">h.</param>
/// <param name="DimHead">dh.</param>
/// <param name="FfMult">feed-forward width = d · FfMult.</param>
/// <param name="TextDim">text embedding width.</param>
/// <param name="ConvLayers">ConvNeXtV2 blocks in the text embedding.</param>
/// <param name="TextMaskPadding">zero padded text positions (v1) or not (v0).</param>
/// <param name="RotaryHeads">heads that get rotary embedding (all in v1; 1 in v0: pe_attn_head).</param>
/// <param name="VocabSize">tokens in vocab.txt; the embedding table has one more row (0 = filler).</param>
/// <param name="MelDim">D, mel channels.</param>
public sealed record F5Config(
    int Dim, int Depth, int Heads, int DimHead, int FfMult, int TextDim, int ConvLayers,
    bool TextMaskPadding, int RotaryHeads, int VocabSize = 2545, int MelDim = 100)
{
    /// <summary>Frames the model accepts in one pass, reference included: the text sinusoid table's rows.</summary>
    public const int MaxFrames = 8192;

    public const float NormEps = 1e-6f;

    public const int TimeFrequencyDim = 256;

    public const int ConvPositionKernel = 31;

    public const int ConvPositionGroups = 16;

    public const int TextConvKernel = 7;

    public int InnerDim => Heads * DimHead;

    public int FfDim => Dim * FfMult;

    public static F5Config V1Base { get; } = new(1024, 22, 16, 64, 2, 512, 4, TextMaskPadding: true, RotaryHeads: 16);

    public static F5Config V0Base { get; } = new(1024, 22, 16, 64, 2, 512, 4, TextMaskPadding: false, RotaryHeads: 1);

    public static F5Config FromPreset(string name) => name switch
    {
        "F5TTS_v1_Base" or "F5TTS_v1" or "v1" => V1Base,
        "F5TTS_Base" or "F5TTS_v0_Base" or "v0" => V0Base,
        _ => throw new EngineException($"unknown model preset '{name}' (known: F5TTS_v1_Base, F5TTS_Base)"),
    };

    /// <summary>Reads an `arch` object: dim, depth, heads, dim_head, ff_mult, text_dim, text_mask_padding, conv_layers, pe_attn_head, qk_norm.</summary>
    public static F5Config FromArch(JsonElement arch, int vocabSize = 2545)
    {
        int Int(string key, int? fallback = null)
        {
            if (arch.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number) return v.GetInt32();
            return fallback ?? throw new EngineException($"model arch is missing '{key}'");
        }
        if (arch.TryGetProperty("qk_norm", out var qk) && qk.ValueKind != JsonValueKind.Null)
            throw new EngineException($"model arch qk_norm={qk} is not supported (only none, as in the released models)");
        if (arch.TryGetProperty("attn_mask_enabled", out var am) && am.ValueKind == JsonValueKind.True)
            throw new EngineException("model arch attn_mask_enabled=true is not supported (the released models use false)");
        int heads = Int("heads");
        int? pe = arch.TryGetProperty("pe_attn_head", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        bool maskPadding = !arch.TryGetProperty("text_mask_padding", out var tm) || tm.ValueKind != JsonValueKind.False;
        return new F5Config(Int("dim"), Int("depth"), heads, Int("dim_head", 64), Int("ff_mult", 2),
            Int("text_dim"), Int("conv_layers", 0), maskPadding, pe ?? heads, vocabSize);
    }

    public override string ToString() =>
        $"DiT d={Dim} depth={Depth} h={Heads}×{DimHead} ff×{FfMult} text={TextDim}/{ConvLayers} conv, " +
        $"rotary on {RotaryHeads} head(s), text mask padding {(TextMaskPadding ? "on" : "off")}";
}
