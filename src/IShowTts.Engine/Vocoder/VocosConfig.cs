// The Vocos vocoder's shape (charactr/vocos-mel-24khz: dim 512, intermediate 1536, 8 layers, n_fft
// 1024, hop 256, center padding), from its config.yaml, a golden meta's `vocos` object, or the tensors.
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace IShowTts.Engine.Vocoder;

public sealed record VocosConfig(int Dim = 512, int IntermediateDim = 1536, int NumLayers = 8,
    int NFft = 1024, int HopLength = 256, int MelChannels = 100, int SampleRate = 24000)
{
    public const float NormEps = 1e-6f;

    public const int EmbedKernel = 7;

    public static VocosConfig MelBase24k { get; } = new();

    public static VocosConfig FromYaml(string path)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path)) stream.Load(reader);
            root = (YamlMappingNode)stream.Documents[0].RootNode;
        }
        catch (Exception e) when (e is not EngineException)
        {
            throw new EngineException($"{path}: not a readable Vocos config.yaml ({e.Message})", e);
        }
        int Get(string section, string key, int fallback)
        {
            if (root.Children.TryGetValue(new YamlScalarNode(section), out var s) && s is YamlMappingNode sm &&
                sm.Children.TryGetValue(new YamlScalarNode("init_args"), out var a) && a is YamlMappingNode am &&
                am.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode sv)
            {
                if (int.TryParse(sv.Value, out var value)) return value;
                throw new EngineException($"{path}: {section}.init_args.{key} = '{sv.Value}' is not an integer");
            }
            return fallback;
        }
        if (root.Children.TryGetValue(new YamlScalarNode("head"), out var head) && head is YamlMappingNode hm &&
            hm.Children.TryGetValue(new YamlScalarNode("init_args"), out var ha) && ha is YamlMappingNode ham &&
            ham.Children.TryGetValue(new YamlScalarNode("padding"), out var pad) && pad is YamlScalarNode ps && ps.Value != "center")
            throw new EngineException($"{path}: head padding '{ps.Value}' is not supported (only 'center', as in vocos-mel-24khz)");
        var d = MelBase24k;
        return new VocosConfig(Get("backbone", "dim", d.Dim), Get("backbone", "intermediate_dim", d.IntermediateDim),
            Get("backbone", "num_layers", d.NumLayers), Get("head", "n_fft", d.NFft), Get("head", "hop_length", d.HopLength),
            Get("backbone", "input_channels", d.MelChannels));
    }

    /// <summary>A golden meta's `vocos` object: dim, intermediate_dim, num_layers.</summary>
    public static VocosConfig FromJson(JsonElement vocos) =>
        new(vocos.GetProperty("dim").GetInt32(), vocos.GetProperty("intermediate_dim").GetInt32(), vocos.GetProperty("num_layers").GetInt32());
}
