namespace IShowTts.Engine.Tensors;

/// <summary>
/// What a linear layer does with its result before storing it:
/// <c>y = [y +] [gate ⊙] act(x·Wᵀ + b)</c>. Accumulate with a gate is the DiT's gated residual
/// (<c>x = x + gate·f(x)</c>); a GPU backend fuses it into the GEMM, the CPU backend applies it after.
/// </summary>
/// <param name="Activation">Applied to x·Wᵀ + b.</param>
/// <param name="Gate">(o) per-column multiplier, shared by every row, or null.</param>
/// <param name="Accumulate">Add to the existing contents of y instead of overwriting them.</param>
public readonly record struct Epilogue(Activation Activation = Activation.None, Tensor? Gate = null, bool Accumulate = false)
{
    public static Epilogue None => default;

    public static Epilogue Act(Activation activation) => new(activation);

    /// <summary>y += gate ⊙ (x·Wᵀ + b): the gated residual of a DiT block.</summary>
    public static Epilogue GatedResidual(Tensor gate) => new(Activation.None, gate, true);

    /// <summary>y += x·Wᵀ + b.</summary>
    public static Epilogue Add => new(Activation.None, null, true);
}
