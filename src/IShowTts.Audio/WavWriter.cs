// Writes canonical RIFF/WAVE files (one fmt chunk, one data chunk) as 16-bit PCM or 32-bit float.
// Files are written to a temp file beside the target and renamed into place, so a reader never sees
// half a file. Not an encoder for other formats.
using System.Buffers.Binary;

namespace IShowTts.Audio;

public static class WavWriter
{
    /// <summary>Writes mono samples to <paramref name="path"/> atomically (temp file, then rename over any existing file).</summary>
    public static void Write(string path, ReadOnlySpan<float> mono, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
        => WriteAtomically(path, ToBytes(mono, sampleRate, 1, encoding));

    /// <summary>Writes a clip (any channel count) to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, AudioClip clip, WavEncoding encoding = WavEncoding.Pcm16)
        => WriteAtomically(path, ToBytes(clip.Samples, clip.SampleRate, clip.Channels, encoding));

    /// <summary>A complete WAV file in memory for mono samples (HTTP responses, caches).</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> mono, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
        => ToBytes(mono, sampleRate, 1, encoding);

    /// <summary>A complete WAV file in memory for interleaved samples with <paramref name="channels"/> channels.</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> interleaved, int sampleRate, int channels, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (interleaved.Length % channels != 0)
            throw new ArgumentException($"{interleaved.Length} samples is not a whole number of {channels}-channel frames.", nameof(interleaved));
        int bytesPerSample = encoding == WavEncoding.Pcm16 ? 2 : 4;
        long dataBytes = (long)interleaved.Length * bytesPerSample;
        if (dataBytes > uint.MaxValue - 36)
            throw new ArgumentException("Audio too long for a RIFF/WAVE file (4 GiB limit).", nameof(interleaved));

        var bytes = new byte[44 + dataBytes];
        var header = bytes.AsSpan(0, 44);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], (ushort)(encoding == WavEncoding.Pcm16 ? 1 : 3));
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)(8 * bytesPerSample));
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);

        var data = bytes.AsSpan(44);
        if (encoding == WavEncoding.Pcm16)
            for (int i = 0; i < interleaved.Length; i++)
                BinaryPrimitives.WriteInt16LittleEndian(data[(2 * i)..], ToPcm16(interleaved[i]));
        else
            for (int i = 0; i < interleaved.Length; i++)
                BinaryPrimitives.WriteSingleLittleEndian(data[(4 * i)..], interleaved[i]);
        return bytes;
    }

    /// <summary>round(x · 32768) clamped to the int16 range; NaN becomes 0.</summary>
    public static short ToPcm16(float x)
    {
        if (float.IsNaN(x)) return 0;
        double scaled = Math.Round((double)x * 32768.0, MidpointRounding.ToEven);
        return (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
    }

    static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
