// A problem an operator can fix (a missing or malformed file, an unknown session, bad input), with a
// message that names the file or input and the reason. The CLI prints it and exits 1.
namespace IShowTts.Ops;

public sealed class OpsException : Exception
{
    public OpsException(string message) : base(message) { }

    public OpsException(string message, Exception inner) : base(message, inner) { }
}
