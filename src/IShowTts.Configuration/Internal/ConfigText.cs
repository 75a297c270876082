// An untyped override (environment variable or `--set`): text that the binder converts to the type
// the key expects, so ISHOWTTS_F5__DEVICE=cpu and --set f5.default_nfe_step=16 both just work.
namespace IShowTts.Configuration.Internal;

internal sealed class ConfigText(ConfigOrigin origin, string text) : ConfigNode(origin)
{
    public string Text { get; } = text;

    public override string KindName => "text";
}
