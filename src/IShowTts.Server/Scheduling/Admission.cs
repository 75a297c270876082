// What the scheduler answers a request: a slot to synthesise in, or why it was refused (the queue is
// full, or the server is shutting down).
namespace IShowTts.Server.Scheduling;

internal readonly record struct Admission(SynthesisScheduler.Slot? Slot, RefusalReason Reason)
{
    public static Admission Admitted(SynthesisScheduler.Slot slot) => new(slot, default);

    public static Admission Refused(RefusalReason reason) => new(null, reason);
}
