// One tensor a model needs: its key in the model's naming and its shape. Input to WeightBinder.
namespace IShowTts.Engine.Weights;

public sealed record ExpectedTensor(string Key, long[] Shape)
{
    public override string ToString() => $"{Key} {ShapeText.Format(Shape)}";
}
