namespace IShowTts.Engine.Tensors;

/// <summary>Pointwise activations the model uses. GELU is exact (erf); GeluTanh is the tanh approximation.</summary>
public enum Activation
{
    None,
    Gelu,
    GeluTanh,
    Silu,
    Mish,
}
