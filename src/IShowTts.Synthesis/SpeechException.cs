namespace IShowTts.Synthesis;

/// <summary>Why a request cannot be served; the server maps each kind to a problem type and status.</summary>
public enum SpeechErrorKind
{
    EmptyText,
    TextTooLong,
    UnknownVoice,
    UnknownEngine,
    EngineNotReady,
    BadReference,
    BadParameter,
}

public sealed class SpeechException(SpeechErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public SpeechErrorKind Kind { get; } = kind;
}
