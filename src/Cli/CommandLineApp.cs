using System.CommandLine;
using System.CommandLine.Help;
using NatDsl.Cli.Commands;

namespace NatDsl.Cli;

/// <summary>Builds the command tree of <c>natdsl</c>.</summary>
public static class CommandLineApp
{
    /// <summary>
    /// The tool's name as users type it: the root command's name, hence the first word of every
    /// usage line (a <see cref="RootCommand"/> would take the executable's name, which is the
    /// assembly's, <c>NatDsl.Cli</c>, under <c>dotnet run</c> and <c>dotnet NatDsl.Cli.dll</c>).
    /// </summary>
    public const string ToolName = "natdsl";

    /// <summary>The <c>--debug</c> option, recognised by every command: show stack traces.</summary>
    public static Option<bool> Debug { get; } = new Option<bool>("--debug")
    {
        Description = "Show the full stack trace of an unexpected error.",
        Recursive = true,
    };

    /// <summary>The <c>--quiet</c> option, recognised by every command: no progress on standard error.</summary>
    public static Option<bool> Quiet { get; } = new Option<bool>("--quiet", "-q")
    {
        Description = "Show no progress. Progress appears on standard error only when it is a terminal and the work takes more than a second; it is erased when done.",
        Recursive = true,
    };

    /// <summary>Creates the root command with every subcommand.</summary>
    public static Command Build()
    {
        var root = new Command(ToolName,
            "natdsl — declare Kubernetes services in C#, get the exact iptables rules kube-proxy writes, " +
            "and read, compare, trace and explain real iptables dumps.\n\n" +
            "Exit codes: 0 success, 1 negative verdict (differences, failed verification, compile errors), 2 bad input or usage, 3 internal error.");
        // What RootCommand adds (it also adds the [suggest] directive for dotnet-suggest; natdsl
        // completes through its own 'completion' scripts instead).
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(Debug);
        root.Options.Add(Quiet);
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create());
        root.Subcommands.Add(CompletionCommand.CreateComplete());
        return root;
    }
}
