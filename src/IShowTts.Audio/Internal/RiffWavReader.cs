// RIFF/WAVE parser: PCM 8 (unsigned), 16, 24, 32-bit, IEEE float 32/64, and WAVE_FORMAT_EXTENSIBLE
// wrapping either. Integers are scaled by 2^(bits−1) as torchaudio and soundfile do, so int16/32768
// is exact. Not a general RIFF library: compressed WAV codecs (ADPCM, A-law, …) are refused by name.
using System.Buffers.Binary;

namespace IShowTts.Audio.Internal;

internal static class RiffWavReader
{
    const ushort FormatPcm = 1, FormatFloat = 3, FormatExtensible = 0xFFFE;

    public static AudioClip Read(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length < 12) throw new AudioFormatException(name, $"truncated WAV: {file.Length} bytes, shorter than a RIFF header");
        if (!file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
            throw new AudioFormatException(name, "not a RIFF/WAVE file");

        WavFormat? format = null;
        int dataOffset = -1;
        long dataLength = 0;
        int pos = 12;
        while (pos + 8 <= file.Length)
        {
            var id = file.Slice(pos, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(file[(pos + 4)..]);
            int body = pos + 8;
            long available = file.Length - body;
            if (id.SequenceEqual("data"u8))
            {
                dataOffset = body;
                // 0 and 0xFFFFFFFF are what streaming writers leave when they cannot seek back: the data runs to the end.
                if (size == 0 || size == uint.MaxValue) { dataLength = available; break; }
                if (size > available)
                    throw new AudioFormatException(name, $"truncated WAV: the data chunk declares {size} bytes but only {available} are present");
                dataLength = size;
            }
            else if (id.SequenceEqual("fmt "u8))
            {
                if (size > available) throw new AudioFormatException(name, "truncated WAV: the fmt chunk runs past the end of the file");
                format = ParseFormat(file.Slice(body, (int)size), name);
            }
            else if (size > available)
            {
                if (dataOffset >= 0) break; // trailing metadata cut short after the samples: the samples are whole
                throw new AudioFormatException(name, $"truncated WAV: the '{AsciiId(id)}' chunk declares {size} bytes but only {available} are present");
            }
            pos = (int)Math.Min(file.Length, body + (long)size + (size & 1));
        }

        if (format is null) throw new AudioFormatException(name, "invalid WAV: no fmt chunk");
        if (dataOffset < 0) throw new AudioFormatException(name, "truncated WAV: no data chunk");
        var f = format.Value;
        int frameBytes = f.Channels * f.BytesPerSample;
        long frames = dataLength / frameBytes;
        if (frames == 0) throw new AudioFormatException(name, "WAV holds no audio samples");
        if (frames * f.Channels > Array.MaxLength) throw new AudioFormatException(name, "WAV too long to decode in memory");

        var samples = new float[frames * f.Channels];
        ConvertSamples(file.Slice(dataOffset, (int)(frames * frameBytes)), f, samples);
        return new AudioClip(samples, f.SampleRate, f.Channels);
    }

    readonly record struct WavFormat(ushort Tag, int Channels, int SampleRate, int BitsPerSample)
    {
        public int BytesPerSample => BitsPerSample / 8;
    }

    static WavFormat ParseFormat(ReadOnlySpan<byte> fmt, string name)
    {
        if (fmt.Length < 16) throw new AudioFormatException(name, $"invalid WAV: fmt chunk of {fmt.Length} bytes (at least 16 expected)");
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40) throw new AudioFormatException(name, "invalid WAV: WAVE_FORMAT_EXTENSIBLE with a short fmt chunk");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]); // the sub-format GUID starts with the plain format tag
        }
        if (channels < 1) throw new AudioFormatException(name, "invalid WAV: zero channels");
        if (rate < 1 || rate > 1_000_000) throw new AudioFormatException(name, $"invalid WAV: sample rate {rate} Hz");
        bool supported = tag switch
        {
            FormatPcm => bits is 8 or 16 or 24 or 32,
            FormatFloat => bits is 32 or 64,
            _ => false,
        };
        if (!supported)
            throw new AudioFormatException(name, $"unsupported WAV encoding: {DescribeTag(tag)}, {bits}-bit (PCM 8/16/24/32-bit and IEEE float 32/64-bit are supported)");
        return new WavFormat(tag, channels, (int)rate, bits);
    }

    static void ConvertSamples(ReadOnlySpan<byte> data, WavFormat f, Span<float> output)
    {
        switch (f.Tag, f.BitsPerSample)
        {
            case (FormatPcm, 8):
                for (int i = 0; i < output.Length; i++) output[i] = (data[i] - 128) / 128f;
                break;
            case (FormatPcm, 16):
                for (int i = 0; i < output.Length; i++) output[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]) / 32768f;
                break;
            case (FormatPcm, 24):
                for (int i = 0; i < output.Length; i++)
                {
                    int v = data[3 * i] | (data[3 * i + 1] << 8) | ((sbyte)data[3 * i + 2] << 16);
                    output[i] = v / 8388608f;
                }
                break;
            case (FormatPcm, 32):
                for (int i = 0; i < output.Length; i++) output[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]) / 2147483648.0);
                break;
            case (FormatFloat, 32):
                for (int i = 0; i < output.Length; i++) output[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
                break;
            case (FormatFloat, 64):
                for (int i = 0; i < output.Length; i++) output[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(data[(8 * i)..]);
                break;
            default:
                throw new InvalidOperationException($"unreachable: {f}");
        }
    }

    static string DescribeTag(ushort tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "µ-law",
        0x0011 => "IMA ADPCM",
        0x0055 => "MPEG layer 3",
        _ => $"format tag 0x{tag:X4}",
    };

    static string AsciiId(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[4];
        for (int i = 0; i < 4; i++) chars[i] = id[i] is >= 32 and < 127 ? (char)id[i] : '?';
        return new string(chars);
    }
}
