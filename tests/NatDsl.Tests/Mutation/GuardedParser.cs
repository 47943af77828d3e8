using System;
using System.Globalization;
using System.Threading;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Tests.Mutation;

/// <summary>
/// Runs one parser (and the matching renderer on success) on a worker thread with a time limit
/// and an allocation limit, and classifies the outcome. A rejection must carry a location that
/// points into the input: line ≥ 1 and column ≥ 1, the line within the input, and the quoted
/// line text equal to that line.
/// </summary>
public static class GuardedParser
{
    /// <summary>Parses <paramref name="text"/> as <paramref name="kind"/>.</summary>
    public static ParseResult Run(DumpKind kind, string table, IpFamily family, string text, TimeSpan timeout, long maxAllocatedBytes)
    {
        ParseResult? result = null;
        var worker = new Thread(() => result = RunHere(kind, table, family, text), 16 * 1024 * 1024) { IsBackground = true, Name = "guarded-parse" };
        worker.Start();
        if (!worker.Join(timeout))
        {
            // The worker cannot be stopped; it is a background thread and the test fails.
            return new ParseResult(ParseOutcome.Broken, "no result within " + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s (hang or super-linear time)", -1);
        }
        var r = result!;
        if (r.AllocatedBytes > maxAllocatedBytes)
        {
            return r with { Outcome = ParseOutcome.Broken, Problem = "allocated " + (r.AllocatedBytes >> 20).ToString(CultureInfo.InvariantCulture) + " MB for " + text.Length.ToString(CultureInfo.InvariantCulture) + " chars" };
        }
        return r;
    }

    /// <summary>Parses on the calling thread.</summary>
    public static ParseResult RunHere(DumpKind kind, string table, IpFamily family, string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            ParseAndRender(kind, table, family, text);
            return new ParseResult(ParseOutcome.Parsed, null, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        catch (DumpParseException e)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var problem = LocationProblem(e, text);
            return new ParseResult(problem is null ? ParseOutcome.Rejected : ParseOutcome.Broken, problem, allocated);
        }
        catch (Exception e)
        {
            return new ParseResult(ParseOutcome.Broken, e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    private static void ParseAndRender(DumpKind kind, string table, IpFamily family, string text)
    {
        switch (kind)
        {
            case DumpKind.Save:
                SaveRenderer.Render(SaveParser.Parse(text, "mutant", new SaveParseOptions { Family = family == IpFamily.V6 ? IpFamily.V6 : null }));
                break;
            case DumpKind.Rules:
                RulesRenderer.Render(RulesParser.Parse(text, table, "mutant", new SaveParseOptions { Family = family }));
                break;
            default:
                ListingRenderer.Render(ListingParser.Parse(text, "mutant"));
                break;
        }
    }

    /// <summary>Null when the exception's location is inside the input and quotes the right line.</summary>
    public static string? LocationProblem(DumpParseException e, string text)
    {
        if (e.Line < 1 || e.Column < 1) return "location " + e.Line + ":" + e.Column + " is not 1-based: " + e.Message;
        var lines = text.Split('\n');
        if (e.Line > lines.Length) return "line " + e.Line + " is past the input's " + lines.Length + " lines: " + e.Message;
        var line = lines[e.Line - 1];
        if (line.EndsWith('\r')) line = line.Substring(0, line.Length - 1);
        if (e.LineText != line) return "line text quoted for line " + e.Line + " is not that line: " + e.Message;
        if (e.Column > line.Length + 1) return "column " + e.Column + " is past the end of line " + e.Line + " (" + line.Length + " chars): " + e.Message;
        return null;
    }
}
