// Why the scheduler refused a request: 429 (queue full) or 503 (shutting down).
namespace IShowTts.Server.Scheduling;

internal enum RefusalReason
{
    QueueFull,
    ShuttingDown,
}
