// The official `remove_silence_for_generated_wav`: pydub split_on_silence (silences ≥ 1 s below
// −50 dBFS, keeping 500 ms around each piece, 10 ms steps) and the pieces joined again, so long
// pauses in generated speech shrink to about a second. Works on 16-bit PCM, as the official path does.
using IShowTts.Audio.Internal.Pydub;

namespace IShowTts.Audio;

public static class SilenceRemover
{
    public static float[] RemoveLongSilences(ReadOnlySpan<float> mono, int sampleRate)
    {
        var pcm = new short[mono.Length];
        for (int i = 0; i < pcm.Length; i++) pcm[i] = WavWriter.ToPcm16(mono[i]);
        var pieces = Silence.SplitOnSilence(new PcmSegment(pcm, sampleRate, 1), minSilenceLen: 1000, silenceThreshDb: -50, keepSilence: 500, seekStep: 10);
        var joined = PcmSegment.Silent(0);
        foreach (var piece in pieces) joined = PcmSegment.Concat(joined, piece);
        if (joined.Frames == 0) return [];
        var result = new float[joined.Data.Length];
        for (int i = 0; i < result.Length; i++) result[i] = joined.Data[i] / 32768f;
        return result;
    }
}
