namespace IShowTts.Engine;

/// <summary>A request or a model file the engine cannot use; the message says what and why, for a user to act on.</summary>
public class EngineException(string message, Exception? inner = null) : Exception(message, inner);
