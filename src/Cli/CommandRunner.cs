using System;
using System.CommandLine;
using NatDsl.Cli.Presentation;
using NatDsl.Formats;

namespace NatDsl.Cli;

/// <summary>
/// Runs a command's body with its progress reporter and turns what escapes it into one line on
/// stderr and an exit code (System.CommandLine's own handler would print a stack trace). With
/// <c>--debug</c> the exception is left to propagate. The progress line is erased before any
/// message is written.
/// </summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, or 2 for bad input, 3 for an internal error.</summary>
    public static int Run(ParseResult parse, Func<ProgressReporter, int> body)
    {
        if (parse is null) throw new ArgumentNullException(nameof(parse));
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (parse.GetValue(CommandLineApp.Debug))
        {
            using var progress = ProgressReporter.ForConsole(parse.GetValue(CommandLineApp.Quiet));
            return body(progress);
        }
        try
        {
            using var progress = ProgressReporter.ForConsole(parse.GetValue(CommandLineApp.Quiet));
            return body(progress);
        }
        catch (DumpParseException e)
        {
            Console.Error.WriteLine("natdsl: " + OneLine(e));
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            return Program.Report(e);
        }
    }

    /// <summary>
    /// A parse error as one line: <c>file:line:column: problem: "offending text"</c> (the text
    /// shortened to 120 characters, tabs shown as <c>\t</c>).
    /// </summary>
    public static string OneLine(DumpParseException e)
    {
        if (e is null) throw new ArgumentNullException(nameof(e));
        var shown = e.LineText.Replace("\t", "\\t").Replace("\r", string.Empty).Replace("\0", "\\0");
        if (shown.Length > 120) shown = shown.Substring(0, 120) + "…";
        var problem = e.Problem.Replace("use lenient mode", "use --lenient");
        return e.Source + ":" + e.Line + ":" + e.Column + ": " + problem + (shown.Trim().Length > 0 ? ": \"" + shown + "\"" : string.Empty);
    }
}
