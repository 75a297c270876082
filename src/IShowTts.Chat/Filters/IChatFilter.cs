// One step of the filter pipeline: looks at (and may rewrite) the text in the context, then says
// whether the message goes on. Implementations are small, stateless except for CooldownFilter.
namespace IShowTts.Chat.Filters;

public interface IChatFilter
{
    FilterVerdict Apply(FilterContext context);
}
