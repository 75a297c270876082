namespace IShowTts.Engine.Tensors;

/// <summary>A recorded sequence of device work (IBackend.Capture), replayed on the backend's stream.</summary>
public interface IBackendGraph : IDisposable
{
    void Launch();
}
