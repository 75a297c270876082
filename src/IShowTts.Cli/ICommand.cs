namespace IShowTts.Cli;

public interface ICommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full usage text: synopsis and options.</summary>
    string Usage { get; }

    Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel);
}
