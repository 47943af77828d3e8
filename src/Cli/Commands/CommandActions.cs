using System;
using System.CommandLine;

namespace NatDsl.Cli.Commands;

/// <summary>
/// Sets command actions so that an exception leaving one becomes one message and an exit code
/// (<see cref="Program.Report"/>) instead of System.CommandLine's default handler (exit 1 with
/// a stack trace); <c>--debug</c> lets it through.
/// </summary>
internal static class CommandActions
{
    /// <summary>Runs <paramref name="action"/> as the action of <paramref name="command"/>.</summary>
    public static void Set(Command command, Func<ParseResult, int> action)
    {
        command.SetAction(parse =>
        {
            try
            {
                return action(parse);
            }
            catch (Exception e) when (!parse.GetValue(CommandLineApp.Debug))
            {
                return Program.Report(e);
            }
        });
    }
}
