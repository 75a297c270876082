// `ishowtts`: parses the command line and hands each command to its class; prints, never computes.
using IShowTts.Cli;
using IShowTts.Cli.Commands;

return await CommandLine.RunAsync(args, new ICommand[]
{
    new ServeCommand(),
    new SayCommand(),
    new BenchCommand(),
    new ProfileCommand(),
    new QualityCommand(),
    new DoctorCommand(),
    new VoicesCommand(),
    new DownloadCommand(),
    new KeysCommand(),
});
