// One file of a hub repository that the product needs, and the name it gets in the model folder
// (the layout IShowTts.Engine.ModelFiles.Resolve reads).
namespace IShowTts.Synthesis.Acquisition;

/// <param name="Repo">"org/name" on the hub.</param>
/// <param name="FileName">path inside the repository ("F5TTS_v1_Base/vocab.txt").</param>
/// <param name="LinkName">path inside the model folder ("vocab.txt", "vocos/config.yaml").</param>
public sealed record HubFile(string Repo, string FileName, string LinkName, string Revision = "main")
{
    public override string ToString() => $"{Repo}/{FileName}";
}
