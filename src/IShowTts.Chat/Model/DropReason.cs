// Why a message was not (or not fully) spoken. Every message that does not play ends with one of
// these, is counted under it and logged with it: nothing is lost silently.
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

[JsonConverter(typeof(JsonStringEnumConverter<DropReason>))]
public enum DropReason
{
    // Filters (the item's state is Filtered).
    CommandIgnored,
    UserDenied,
    NotSubscriber,
    NotPaid,
    LinkNotAllowed,
    BannedKeyword,
    EmptyAfterFiltering,
    Cooldown,
    RejectedByModerator,

    // Queue admission and life (state Dropped).
    QueueFull,
    ApprovalListFull,
    RateLimited,
    Duplicate,
    UserQuotaExceeded,
    Stale,
    SynthesisTimeout,
    SynthesisFailed,
    ShuttingDown,

    // Removals (state Removed).
    RemovedByModeration,
    RemovedByOperator,
    Cleared,
    ChannelStopped,
}
