// "Is there a file here I can read?" that is false for a dangling symbolic link (File.Exists is true
// for one on Unix): a snapshot link whose blob was deleted, or a model-folder link into a moved cache.
namespace IShowTts.Synthesis.Acquisition;

internal static class UsableFile
{
    public static bool Exists(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return false;
        if (info.LinkTarget is null) return true;
        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true };
        }
        catch (IOException)
        {
            return false; // a link loop
        }
    }
}
