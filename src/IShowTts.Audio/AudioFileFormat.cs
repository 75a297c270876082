// The container/codec pairs AudioDecoder recognises from a file's first bytes (never its extension).
namespace IShowTts.Audio;

public enum AudioFileFormat
{
    Unknown,
    Wav,
    Mp3,
    Flac,
    OggVorbis,
    OggOpus,
    OggFlac,
}
