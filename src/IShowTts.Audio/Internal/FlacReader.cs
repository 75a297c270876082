// FLAC and Ogg FLAC through libFLAC's stream decoder (native, Debian libflac12/libflac14), fed from
// memory through callbacks, MD5 checked. Samples are scaled by 2^(bits−1). Truncation is detected
// from STREAMINFO's sample count; a missing libFLAC is a clear error, not a crash.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IShowTts.Audio.Internal.Flac;

namespace IShowTts.Audio.Internal;

internal static unsafe class FlacReader
{
    public static AudioClip Read(byte[] file, string name, bool ogg)
    {
        string codec = ogg ? "Ogg FLAC" : "FLAC";
        if (!LibFlac.IsAvailable())
            throw new AudioFormatException(name, $"{codec} decoding needs the native libFLAC (Debian package libflac12 or libflac14), which is not installed");

        var state = new DecodeState(file);
        var gc = GCHandle.Alloc(state);
        try
        {
            using var decoder = LibFlac.StreamDecoderNew();
            if (decoder.IsInvalid) throw new AudioFormatException(name, $"{codec}: libFLAC could not allocate a decoder");
            LibFlac.StreamDecoderSetMd5Checking(decoder, 1);
            nint read = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, nuint*, nint, int>)&ReadCallback;
            nint write = (nint)(delegate* unmanaged[Cdecl]<nint, uint*, int**, nint, int>)&WriteCallback;
            nint metadata = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, nint, void>)&MetadataCallback;
            nint error = (nint)(delegate* unmanaged[Cdecl]<nint, int, nint, void>)&ErrorCallback;
            nint client = GCHandle.ToIntPtr(gc);
            int init = ogg
                ? LibFlac.StreamDecoderInitOggStream(decoder, read, 0, 0, 0, 0, write, metadata, error, client)
                : LibFlac.StreamDecoderInitStream(decoder, read, 0, 0, 0, 0, write, metadata, error, client);
            if (init != 0) throw new AudioFormatException(name, $"{codec}: libFLAC decoder init failed ({LibFlac.InitStatusName(init)})");

            bool ok = LibFlac.StreamDecoderProcessUntilEndOfStream(decoder) != 0;
            int decoderState = LibFlac.StreamDecoderGetState(decoder);
            bool md5Ok = LibFlac.StreamDecoderFinish(decoder) != 0;

            long frames = state.Channels == 0 ? 0 : state.Samples.Count / state.Channels;
            bool cutShort = state.TotalSamples > 0 && frames < state.TotalSamples;
            if (cutShort && (state.Failure is null || state.FailedAtEnd))
                throw new AudioFormatException(name, $"truncated {(state.Failure is null ? "or corrupt " : "")}{codec}: " +
                    $"{frames} of the {state.TotalSamples} samples STREAMINFO declares are present");
            if (state.Failure is { } failure) throw new AudioFormatException(name, $"undecodable {codec}: {failure}");
            if (!ok || decoderState != LibFlac.StateEndOfStream)
                throw new AudioFormatException(name, $"undecodable {codec}: decoder stopped in state {LibFlac.StateName(decoderState)}");
            if (state.Channels == 0) throw new AudioFormatException(name, $"{codec} holds no audio samples");
            if (!md5Ok) throw new AudioFormatException(name, $"corrupt {codec}: the decoded audio does not match the stream's MD5 signature");
            return new AudioClip(state.Samples.ToArray(), state.SampleRate, state.Channels);
        }
        finally
        {
            gc.Free();
        }
    }

    sealed class DecodeState(byte[] file)
    {
        public readonly byte[] File = file;
        public int Position;
        public readonly List<float> Samples = new(1 << 16);
        public int SampleRate, Channels;
        public long TotalSamples;
        public string? Failure;
        public bool FailedAtEnd; // the first error came after all input was read: the stream was cut short
    }

    static DecodeState StateOf(nint client) => (DecodeState)GCHandle.FromIntPtr(client).Target!;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static int ReadCallback(nint decoder, byte* buffer, nuint* bytes, nint client)
    {
        var s = StateOf(client);
        int n = (int)Math.Min((long)*bytes, s.File.Length - s.Position);
        if (n <= 0)
        {
            *bytes = 0;
            return LibFlac.ReadEndOfStream;
        }
        s.File.AsSpan(s.Position, n).CopyTo(new Span<byte>(buffer, n));
        s.Position += n;
        *bytes = (nuint)n;
        return LibFlac.ReadContinue;
    }

    /// <summary>frame points at FLAC__FrameHeader: blocksize, sample_rate, channels, channel_assignment, bits_per_sample (uint32 each).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static int WriteCallback(nint decoder, uint* frame, int** buffer, nint client)
    {
        var s = StateOf(client);
        int blocksize = (int)frame[0], rate = (int)frame[1], channels = (int)frame[2], bits = (int)frame[4];
        if (s.Channels == 0)
        {
            s.SampleRate = rate;
            s.Channels = channels;
        }
        else if (s.Channels != channels || s.SampleRate != rate)
        {
            s.Failure = $"the stream changes format mid-way ({s.Channels} ch {s.SampleRate} Hz to {channels} ch {rate} Hz)";
            return LibFlac.WriteAbort;
        }
        float scale = 1f / (1L << (bits - 1));
        for (int i = 0; i < blocksize; i++)
            for (int c = 0; c < channels; c++)
                s.Samples.Add(buffer[c][i] * scale);
        return LibFlac.WriteContinue;
    }

    /// <summary>metadata points at FLAC__StreamMetadata: type at 0; STREAMINFO data at 16, total_samples at 16 + 32.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static void MetadataCallback(nint decoder, byte* metadata, nint client)
    {
        if (*(int*)metadata != LibFlac.MetadataTypeStreamInfo) return;
        StateOf(client).TotalSamples = (long)*(ulong*)(metadata + 48);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static void ErrorCallback(nint decoder, int status, nint client)
    {
        var s = StateOf(client);
        if (s.Failure is not null) return;
        s.Failure = LibFlac.ErrorStatusName(status);
        s.FailedAtEnd = s.Position == s.File.Length;
    }
}
