using System;
using System.Collections.Generic;
using System.CommandLine;
using NatDsl.Analysis.Diff;
using NatDsl.Cli.Presentation;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Cli.Commands;

/// <summary><c>natdsl diff</c>: compares two dumps (any formats) rule by rule.</summary>
public static class DiffCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var s = new Symbols();
        var command = new Command("diff",
            "Compare two iptables dumps by meaning: which table, chain and rule differ. Each input may be iptables-save, iptables -S\n" +
            "or an iptables -L listing (detected). When either side is a listing, both sides are compared as a listing of the poorer\n" +
            "form shows them (without -v: no counters, no interfaces; without -x: counters rounded as shown; -m tcp, /32 and the like\n" +
            "are invisible), and the output says so. A listing lists one table: only that table of the other side is compared.\n" +
            "Exit code: 0 equal, 1 different, 2 bad input or usage.\n\n" +
            "Examples:\n" +
            "  natdsl diff expected.rules node1.txt\n" +
            "  natdsl diff --ignore-counters --unordered-services generated.rules node1-iptables-save.txt\n" +
            "  iptables-save | natdsl diff --kube-proxy-sort expected.rules -\n" +
            "  natdsl diff --json a.txt b.txt");
        command.Arguments.Add(s.Expected);
        command.Arguments.Add(s.Actual);
        CompletionCommand.Files(s.Expected, s.Actual);
        foreach (var option in new Option[] { s.IgnoreCounters, s.UnorderedServices, s.KubeProxySort, s.IgnoreChainOrder, s.Json, s.Lenient }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, progress => Execute(s, parse, progress)));
        return command;
    }

    private static int Execute(Symbols s, ParseResult parse, ProgressReporter progress)
    {
        var expectedPath = parse.GetValue(s.Expected)!;
        var actualPath = parse.GetValue(s.Actual)!;
        if (expectedPath == "-" && actualPath == "-") throw new UserInputException("only one of the two inputs can be - (standard input)");
        var lenient = parse.GetValue(s.Lenient);
        var expected = DumpInput.Read(expectedPath, lenient, progress: progress);
        var actual = DumpInput.Read(actualPath, lenient, progress: progress);

        var notes = new List<string>();
        var options = new DiffOptions
        {
            IgnoreCounters = parse.GetValue(s.IgnoreCounters),
            UnorderedServiceGroups = parse.GetValue(s.UnorderedServices),
            KubeProxySort = parse.GetValue(s.KubeProxySort),
            IgnoreChainOrder = parse.GetValue(s.IgnoreChainOrder) || parse.GetValue(s.KubeProxySort),
        };
        var expectedRules = expected.RuleSet;
        var actualRules = actual.RuleSet;
        ListingForm? form = null;
        if (expected.Listing is not null || actual.Listing is not null)
        {
            form = PoorerForm(expected, actual);
            var keepText = expected.Listing is not null && actual.Listing is not null;
            var mapForm = form;
            options = options with { Normalize = rules => ListingEquivalence.Map(rules, mapForm, keepText) };
            notes.Add("compared as an iptables " + DiffPresenter.Flags(form) + " listing shows the rules (listing equivalence): " +
                (form.Verbose ? (form.Exact ? "exact counters" : "counters as shown rounded (K/M/G/T)") : "no counters, no interfaces") +
                "; what a listing cannot show (-m tcp, /32, comment module, options of unknown extensions) is not compared");
            (expectedRules, actualRules) = SameTable(expected, actual, notes);
            if (form.Verbose && !options.IgnoreCounters)
            {
                foreach (var side in new[] { expected, actual })
                {
                    if (side.HasRuleCounters) continue;
                    options = options with { IgnoreCounters = true };
                    notes.Add("counters not compared: " + side.Source + " has no rule counters");
                    break;
                }
            }
        }

        DiffResult result;
        using (progress.Begin("comparing " + expected.Source + " with " + actual.Source))
        {
            result = RuleSetDiff.Compare(expectedRules, actualRules, options);
        }
        if (parse.GetValue(s.Json))
        {
            OutputFiles.Write(null, DiffPresenter.Json(result, expected, actual, form, notes));
        }
        else
        {
            var header = "expected: " + expected.Source + " (" + DumpInput.Describe(expected) + ")\n" +
                "actual:   " + actual.Source + " (" + DumpInput.Describe(actual) + ")\n";
            foreach (var note in notes) header += "note: " + note + "\n";
            OutputFiles.Write(null, header + DiffReport.Render(result, SaveRenderer.RenderRule));
        }
        return result.AreEqual ? ExitCodes.Success : ExitCodes.Negative;
    }

    /// <summary>The form that shows the least of the two sides (a save or -S side shows everything).</summary>
    private static ListingForm PoorerForm(Dump expected, Dump actual)
    {
        var a = expected.Listing?.Form;
        var b = actual.Listing?.Form;
        var verbose = (a?.Verbose ?? true) && (b?.Verbose ?? true);
        var exact = (a is null || (a.Verbose && a.Exact)) && (b is null || (b.Verbose && b.Exact));
        return new ListingForm { Verbose = verbose, Exact = verbose && exact, Family = expected.RuleSet.Family };
    }

    /// <summary>Restricts the side that is not a listing to the listing's table.</summary>
    private static (RuleSet Expected, RuleSet Actual) SameTable(Dump expected, Dump actual, List<string> notes)
    {
        var listing = expected.Listing is not null ? expected : actual;
        var other = ReferenceEquals(listing, expected) ? actual : expected;
        if (other.Listing is not null) return (expected.RuleSet, actual.RuleSet);
        var name = listing.RuleSet.Tables[0].Name;
        if (other.RuleSet.Tables.Count == 1 && other.RuleSet.Tables[0].Name == name) return (expected.RuleSet, actual.RuleSet);
        var table = other.RuleSet.FindTable(name);
        var restricted = other.RuleSet with { Tables = table is null ? ValueList<Table>.Empty : new[] { table }.ToValueList() };
        notes.Add("compared table " + name + " only: " + listing.Source + " lists one table");
        return ReferenceEquals(other, expected) ? (restricted, actual.RuleSet) : (expected.RuleSet, restricted);
    }

    /// <summary>The arguments and options of one instance of the command.</summary>
    private sealed class Symbols
    {
        public readonly Argument<string> Expected = new Argument<string>("expected")
        {
            Description = "The expected dump (iptables-save, iptables -S or iptables -L text; detected), or - for standard input.",
        };

        public readonly Argument<string> Actual = new Argument<string>("actual")
        {
            Description = "The actual dump, or - for standard input.",
        };

        public readonly Option<bool> IgnoreCounters = new Option<bool>("--ignore-counters")
        {
            Description = "Do not compare rule and policy counters.",
        };

        public readonly Option<bool> UnorderedServices = new Option<bool>("--unordered-services")
        {
            Description = "Treat the per-service rule groups of KUBE-SERVICES, KUBE-NODEPORTS… as unordered (old kube-proxy wrote them in Go map order).",
        };

        public readonly Option<bool> KubeProxySort = new Option<bool>("--kube-proxy-sort")
        {
            Description = "Compare as kube-proxy's unit tests do (sortIPTablesRules); implies --ignore-chain-order.",
        };

        public readonly Option<bool> IgnoreChainOrder = new Option<bool>("--ignore-chain-order")
        {
            Description = "Do not report chains that sit at another place in their table.",
        };

        public readonly Option<bool> Json = CommonOptions.Json("the result");

        public readonly Option<bool> Lenient = CommonOptions.Lenient();
    }
}
