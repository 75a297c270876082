// Checks an uploaded reference before anything is stored: size, content (decoded, whatever the file is
// called), duration, transcript, and F5's 12 s limit. A reference that F5 would clip is refused unless the
// client says its transcript is of the kept part (accept_clipping=true); then only the kept part is stored,
// so the stored audio and its transcript match.
using IShowTts.Audio;
using IShowTts.Server.Persistence;
using IShowTts.Server.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IShowTts.Server.Apis;

internal static class ReferenceUploads
{
    public const int MaxTranscriptChars = 2000;

    public static async Task<(CheckedReference? Reference, ProblemHttpResult? Problem)> CheckAsync(IFormFile file, string? text, bool acceptClipping,
        ServerOptions options, CancellationToken cancel)
    {
        if (file.Length > options.MaxUploadBytes) return (null, TooLarge(file.Length, options.MaxUploadBytes));
        if (string.IsNullOrWhiteSpace(text))
            return (null, Problem.Of(400, ProblemTypes.ReferenceTextRequired, "Transcript required",
                "a reference recording needs its transcript: send the exact words it says in the form field 'text'"));
        if (text.Length > MaxTranscriptChars)
            return (null, Problem.Of(400, ProblemTypes.TextTooLong, "Transcript too long", $"the transcript has {text.Length} characters; at most {MaxTranscriptChars} are accepted"));
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancel);
        var name = Path.GetFileName(file.FileName) is { Length: > 0 } n ? Problem.Shorten(n) : "uploaded audio";
        AudioClip clip;
        PreparedReference prepared;
        try
        {
            clip = AudioDecoder.Decode(bytes, name);
            if (clip.Seconds > options.MaxAudioSeconds)
                return (null, Problem.Of(400, ProblemTypes.AudioTooLong, "Audio too long",
                    $"{name} is {clip.Seconds:0.0} s long; at most {options.MaxAudioSeconds:0.#} s is accepted (F5 uses at most 12 s: send a clip of 5–12 s)",
                    new Dictionary<string, object?> { ["max_audio_seconds"] = options.MaxAudioSeconds }));
            prepared = ReferencePreprocessor.Prepare(clip, name);
        }
        catch (AudioFormatException e)
        {
            return (null, Problem.Of(400, ProblemTypes.BadAudio, "Unusable audio", e.Message));
        }
        if (!prepared.Clipped) return (new CheckedReference(new UploadedAudio(bytes, ExtensionOf(bytes)), clip.Seconds, false), null);
        if (!acceptClipping)
            return (null, Problem.Of(422, ProblemTypes.ReferenceClipped, "Reference would be clipped",
                $"{prepared.ClipMessage} Send a clip of at most 12 s, or send the transcript of the kept part with accept_clipping=true " +
                $"(the server then stores only the kept {prepared.PreprocessedSeconds:0.0} s).",
                new Dictionary<string, object?> { ["original_seconds"] = Math.Round(clip.Seconds, 2), ["kept_seconds"] = Math.Round(prepared.PreprocessedSeconds, 2) }));
        var kept = new float[prepared.PreprocessedInterleaved.Length];
        for (int i = 0; i < kept.Length; i++) kept[i] = prepared.PreprocessedInterleaved[i] / 32768f;
        var wav = WavWriter.ToBytes(kept, prepared.PreprocessedRate, prepared.PreprocessedChannels);
        return (new CheckedReference(new UploadedAudio(wav, "wav"), prepared.PreprocessedSeconds, true), null);
    }

    public static ProblemHttpResult TooLarge(long length, long max) =>
        Problem.Of(413, ProblemTypes.UploadTooLarge, "Upload too large",
            $"the upload is {length} bytes; at most {max} are accepted ([api] max_upload_bytes)",
            new Dictionary<string, object?> { ["max_upload_bytes"] = max });

    public static string ExtensionOf(ReadOnlySpan<byte> bytes) => AudioDecoder.Sniff(bytes) switch
    {
        AudioFileFormat.Mp3 => "mp3",
        AudioFileFormat.Flac => "flac",
        AudioFileFormat.OggVorbis => "ogg",
        AudioFileFormat.OggOpus => "opus",
        AudioFileFormat.OggFlac => "oga",
        _ => "wav",
    };

    public static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp3" => "audio/mpeg",
        ".flac" => "audio/flac",
        ".ogg" or ".oga" => "audio/ogg",
        ".opus" => "audio/ogg",
        _ => "audio/wav",
    };
}
