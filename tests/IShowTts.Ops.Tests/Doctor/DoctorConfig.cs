// A configuration for doctor tests: a TOML file in a temp folder whose data and model folders are inside
// it, loaded the way the CLI loads it (HOME and XDG folders pointing into the temp folder too).
using IShowTts.Configuration;

namespace IShowTts.Ops.Tests.Doctor;

internal static class DoctorConfig
{
    public static string Write(TempDirectory dir, string bindAddress, string extra = "") =>
        WriteText(dir, $"""
            bind_addr = "{bindAddress}"
            [f5]
            model_dir = "{dir.File("models")}"
            [paths]
            data_dir = "{dir.File("data")}"
            {extra}
            """);

    public static string WriteText(TempDirectory dir, string toml)
    {
        var file = dir.File("ishowtts.toml");
        File.WriteAllText(file, toml);
        return file;
    }

    public static Func<(IShowTtsConfig, IReadOnlyList<ConfigWarning>)> Loader(TempDirectory dir, string file) =>
        () => ConfigurationLoader.Load(file, new Dictionary<string, string?>
        {
            ["HOME"] = dir.Path, ["XDG_CONFIG_HOME"] = dir.File(".config"), ["XDG_DATA_HOME"] = dir.File(".local/share"),
            ["XDG_CACHE_HOME"] = dir.File(".cache"),
        }, []);
}
