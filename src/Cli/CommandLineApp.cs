using System.CommandLine;
using NatDsl.Cli.Commands;

namespace NatDsl.Cli;

/// <summary>Builds the command tree of <c>natdsl</c>.</summary>
public static class CommandLineApp
{
    /// <summary>The <c>--debug</c> option, recognised by every command: show stack traces.</summary>
    public static Option<bool> Debug { get; } = new Option<bool>("--debug")
    {
        Description = "Show the full stack trace of an unexpected error.",
        Recursive = true,
    };

    /// <summary>Creates the root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "natdsl — declare Kubernetes services in C#, get the exact iptables rules kube-proxy writes, " +
            "and read, compare, trace and explain real iptables dumps.\n\n" +
            "Exit codes: 0 success, 1 negative verdict (differences, failed verification, compile errors), 2 bad input or usage.");
        root.Options.Add(Debug);
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        return root;
    }
}
