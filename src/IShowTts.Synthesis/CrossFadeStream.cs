// The streaming form of CrossFade.Join: chunks go in one by one and audio comes out as soon as it can
// no longer change — everything but the tail the next chunk may fade into. Concatenating the output
// gives exactly CrossFade.Join of the same chunks.
namespace IShowTts.Synthesis;

public sealed class CrossFadeStream(double crossFadeSeconds, int sampleRate)
{
    private readonly int _fade = crossFadeSeconds <= 0 ? 0 : (int)(crossFadeSeconds * sampleRate);
    private float[] _held = [];
    private long _resultLength;

    /// <summary>Adds the next chunk; returns the samples that are now final.</summary>
    public float[] Push(float[] next)
    {
        float[] result;
        if (_resultLength == 0)
        {
            result = next;
        }
        else
        {
            int overlap = (int)Math.Min(_fade, Math.Min(_resultLength, next.Length));
            result = new float[_held.Length + next.Length - overlap];
            int keep = _held.Length - overlap;
            Array.Copy(_held, result, keep);
            CrossFade.Blend(_held.AsSpan(keep, overlap), next.AsSpan(0, overlap), result.AsSpan(keep, overlap));
            Array.Copy(next, overlap, result, _held.Length, next.Length - overlap);
            _resultLength -= _held.Length;
        }
        _resultLength += result.Length;
        int hold = (int)Math.Min(_fade, _resultLength);
        hold = Math.Min(hold, result.Length);
        _held = result[^hold..];
        return result[..^hold];
    }

    /// <summary>The held tail: call once after the last chunk.</summary>
    public float[] Flush()
    {
        var rest = _held;
        _held = [];
        return rest;
    }
}
