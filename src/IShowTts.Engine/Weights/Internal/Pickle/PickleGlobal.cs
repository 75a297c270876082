// A reference to a Python global ("module.name") that the allowlist let through. Only a name: the unpickler
// never resolves or runs anything; REDUCE maps the few allowed callables to C# code (RestrictedUnpickler).
namespace IShowTts.Engine.Weights.Internal.Pickle;

internal sealed record PickleGlobal(string Module, string Name)
{
    public string FullName => $"{Module}.{Name}";
    public override string ToString() => FullName;
}
