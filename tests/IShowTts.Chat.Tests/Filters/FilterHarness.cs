// Runs one message through a FilterPipeline built from given settings, on a manual clock.
using IShowTts.Chat.Filters;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests.Filters;

internal sealed class FilterHarness(FilterSettings? settings = null)
{
    public ManualTimeProvider Time { get; } = new();

    public FilterResult Run(ChatMessage message) => Pipe.Apply(message);

    public FilterResult Run(string text, string user = "viewer") => Pipe.Apply(Messages.Chat(text, user));

    private FilterPipeline? _pipe;

    private FilterPipeline Pipe => _pipe ??= new FilterPipeline(settings ?? new FilterSettings(), Time);

    public FilterPipeline Filters => Pipe;
}
