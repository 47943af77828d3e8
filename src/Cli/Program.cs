using System;
using System.CommandLine;
using NatDsl.Formats;

namespace NatDsl.Cli;

/// <summary>Entry point of the <c>natdsl</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the tool; returns 0 success, 1 negative verdict, 2 bad input or usage, 3 internal error.</summary>
    public static int Main(string[] args)
    {
        var debug = Array.IndexOf(args, "--debug") >= 0;
        try
        {
            var root = CommandLineApp.Build();
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) Console.Error.WriteLine("natdsl: " + error.Message);
                Console.Error.WriteLine(UsageHint);
                return ExitCodes.BadInput;
            }
            // Exceptions must reach Report (one line, no stack trace), not System.CommandLine's default handler.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (!debug)
        {
            return Report(e);
        }
    }

    private const string UsageHint = "Run 'natdsl --help' for usage.";

    /// <summary>Turns an exception escaping a command into one message and an exit code.</summary>
    public static int Report(Exception e)
    {
        switch (e)
        {
            case DumpParseException parse:
                Console.Error.WriteLine("natdsl: " + parse.Message);
                return ExitCodes.BadInput;
            case UserInputException input:
                Console.Error.WriteLine("natdsl: " + input.Message);
                if (input.IsUsage) Console.Error.WriteLine(UsageHint);
                return ExitCodes.BadInput;
            case NatDsl.Spec.SpecValidationException invalid:
                foreach (var error in invalid.Errors) Console.Error.WriteLine("natdsl: invalid declaration: " + error);
                return ExitCodes.BadInput;
            default:
                Console.Error.WriteLine("natdsl: internal error: " + e.GetType().Name + ": " + e.Message + " (run with --debug for details)");
                return ExitCodes.Internal;
        }
    }
}
