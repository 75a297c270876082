// The hub cannot be used (HF_HUB_OFFLINE=1, or no network) and the files are not in the cache: the
// message says exactly which files to place where so the product runs without a network.
namespace IShowTts.Synthesis.Acquisition;

public sealed class HubOfflineException(string message, IReadOnlyList<HubFile> missing, Exception? inner = null)
    : HubException(message, inner)
{
    public IReadOnlyList<HubFile> Missing { get; } = missing;
}
