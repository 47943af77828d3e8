using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text;
using NatDsl.Cli.Presentation;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Cli.Commands;

/// <summary><c>natdsl convert</c>: reads a dump in any format and writes it as iptables-save, iptables -S or an iptables -L listing.</summary>
public static class ConvertCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var s = new Symbols();
        var command = new Command("convert",
            "Convert an iptables dump between iptables-save, iptables -S and iptables -L listing text. The input format is detected.\n" +
            "A listing converted to a listing with no form option comes back byte for byte (counters shown rounded, like 1705K, stay as shown);\n" +
            "--verbose, --exact, --line-numbers and --dialect override the input's form (save or -S input defaults to -L -v -n, names dialect).\n" +
            "From a listing to save or -S: rule counters are written when the listing has them (-v), and a counter shown rounded becomes\n" +
            "its estimate (1705K -> 1705000); an extension known only by its listing text cannot be written in save form (error at its line).\n" +
            "Several tables to listing or -S: each table is preceded by a '# table NAME' line (not iptables output; use --table for one table).\n\n" +
            "Examples:\n" +
            "  natdsl convert node1.txt --to save -o node1.rules\n" +
            "  natdsl convert node1.rules --to listing --table nat --verbose --exact\n" +
            "  natdsl convert seed.txt --to listing --dialect numbers\n" +
            "  iptables-save | natdsl convert - --to rules --table nat\n" +
            "  natdsl convert issue.md --lenient --to save");
        command.Arguments.Add(s.Input);
        CompletionCommand.Files(s.Input, s.Output);
        s.To.CompletionSources.Add("save", "listing", "rules");
        s.Dialect.CompletionSources.Add("names", "numbers");
        s.TableOption.CompletionSources.Add(TableNames);
        foreach (var option in new Option[] { s.To, s.Dialect, s.Exact, s.Verbose, s.LineNumbers, s.Lenient, s.TableOption, s.Output }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, progress => Execute(s, parse, progress)));
        return command;
    }

    /// <summary>The tables iptables knows, offered by shell completion of --table.</summary>
    internal static readonly string[] TableNames = { "nat", "filter", "mangle", "raw", "security" };

    private static int Execute(Symbols s, ParseResult parse, ProgressReporter progress)
    {
        var to = parse.GetValue(s.To) ?? string.Empty;
        if (to != "save" && to != "listing" && to != "rules") throw new UserInputException("--to: unknown format \"" + to + "\" (expected save, listing or rules)");
        var dialect = parse.GetValue(s.Dialect);
        if (dialect is not null && dialect != "names" && dialect != "numbers") throw new UserInputException("--dialect: unknown dialect \"" + dialect + "\" (expected names or numbers)");
        var formOptions = new List<string>();
        foreach (var option in new Option[] { s.Dialect, s.Exact, s.Verbose, s.LineNumbers })
        {
            if (parse.GetResult(option) is { Implicit: false }) formOptions.Add(option.Name);
        }
        if (to != "listing" && formOptions.Count > 0) throw new UserInputException(formOptions[0] + " applies only to --to listing");

        var tableName = parse.GetValue(s.TableOption);
        var input = parse.GetValue(s.Input)!;
        var dump = DumpInput.Read(input, parse.GetValue(s.Lenient), tableName, progress);
        var ruleSet = SelectTables(dump, tableName);

        string text;
        using (progress.Begin("writing " + (to == "save" ? "iptables-save text" : to == "rules" ? "iptables -S rules" : "the listing")))
        {
            text = Render(to, dump, ruleSet, ListingFormFor(s, dump, parse), asRead: formOptions.Count == 0);
        }
        OutputFiles.Write(parse.GetValue(s.Output), text);
        return ExitCodes.Success;
    }

    /// <summary>The output text: <paramref name="ruleSet"/> (all or part of <paramref name="dump"/>) in format <paramref name="to"/>.</summary>
    /// <param name="to">save, listing or rules.</param>
    /// <param name="dump">The input.</param>
    /// <param name="ruleSet">What to write.</param>
    /// <param name="form">The listing form to write (the input's, with the form options applied).</param>
    /// <param name="asRead">No form option was given: a listing input is written back byte for byte.</param>
    private static string Render(string to, Dump dump, RuleSet ruleSet, ListingForm form, bool asRead)
    {
        switch (to)
        {
            case "listing":
                return asRead && dump.Listing is not null ? ListingRenderer.Render(dump.Listing) : Listing(ruleSet, form);
            case "save":
                if (dump.Save is not null && ReferenceEquals(ruleSet, dump.RuleSet)) return SaveRenderer.Render(dump.Save);
                RequireSaveText(dump, ruleSet);
                return SaveRenderer.Render(ruleSet, new SaveRenderOptions { RuleCounters = dump.HasRuleCounters });
            default:
                if (dump.Rules is not null) return RulesRenderer.Render(dump.Rules);
                RequireSaveText(dump, ruleSet);
                return PerTable(ruleSet, table => RulesRenderer.Render(table, new RulesRenderOptions { Counters = dump.HasRuleCounters }));
        }
    }

    /// <summary>The rule set to write: all of it, or only <paramref name="tableName"/> of an iptables-save input.</summary>
    private static RuleSet SelectTables(Dump dump, string? tableName)
    {
        if (tableName is null || dump.Format != DumpFormat.Save) return dump.RuleSet;
        var table = dump.RuleSet.FindTable(tableName);
        if (table is null)
        {
            var names = new List<string>();
            foreach (var t in dump.RuleSet.Tables) names.Add(t.Name);
            throw new UserInputException(dump.Source + ": no table \"" + tableName + "\" (it has " + (names.Count == 0 ? "none" : string.Join(", ", names.ToArray())) + ")");
        }
        return dump.RuleSet with { Tables = new[] { table }.ToValueList() };
    }

    /// <summary>The input's listing form (or -L -v -n for other inputs) with the given options applied.</summary>
    private static ListingForm ListingFormFor(Symbols s, Dump dump, ParseResult parse)
    {
        var form = dump.Listing?.Form ?? ListingForm.VerboseNumeric;
        if (parse.GetResult(s.Verbose) is { Implicit: false }) form = form with { Verbose = parse.GetValue(s.Verbose) };
        if (parse.GetResult(s.Exact) is { Implicit: false }) form = form with { Exact = parse.GetValue(s.Exact) };
        if (parse.GetResult(s.LineNumbers) is { Implicit: false }) form = form with { LineNumbers = parse.GetValue(s.LineNumbers) };
        switch (parse.GetValue(s.Dialect))
        {
            case "numbers":
                form = form with { Dialect = ListingDialect.Numbers };
                break;
            case "names":
                form = form with { Dialect = ListingDialect.Names };
                break;
        }
        return form;
    }

    private static string Listing(RuleSet ruleSet, ListingForm form) =>
        PerTable(ruleSet, table => ListingRenderer.Render(ruleSet, table.Name, form));

    /// <summary>One table as is; several each after a <c># table NAME</c> line, separated by a blank line.</summary>
    private static string PerTable(RuleSet ruleSet, Func<Table, string> render)
    {
        if (ruleSet.Tables.Count == 1) return render(ruleSet.Tables[0]);
        var sb = new StringBuilder();
        foreach (var table in ruleSet.Tables)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append("# table ").Append(table.Name).Append('\n').Append(render(table));
        }
        return sb.ToString();
    }

    /// <summary>Fails at the input line of the first rule holding an extension that has only listing text.</summary>
    private static void RequireSaveText(Dump dump, RuleSet ruleSet)
    {
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                for (var i = 0; i < chain.Rules.Count; i++)
                {
                    var listingOnly = ListingOnlyText(chain.Rules[i]);
                    if (listingOnly is null) continue;
                    var problem = "cannot write this rule as iptables-save text: \"" + listingOnly + "\" is listing text of an extension natdsl does not know, and a listing does not show its options";
                    var line = dump.FindRuleLine(chain.Name, i);
                    if (line is null) throw new UserInputException(dump.Source + ": chain " + chain.Name + " rule " + (i + 1) + ": " + problem);
                    var column = line.Text.IndexOf(listingOnly, StringComparison.Ordinal);
                    throw new DumpParseException(dump.Source, line.Line, column < 0 ? 1 : column + 1, line.Text, problem);
                }
            }
        }
    }

    private static string? ListingOnlyText(Rule rule)
    {
        foreach (var match in rule.Matches)
        {
            if (match is RawMatch { SaveText: null } raw) return raw.ListingText ?? raw.Name;
        }
        return rule.Target is RawTarget { SaveText: null } target ? (target.ListingText is { Length: > 0 } t ? t : target.TargetName) : null;
    }

    /// <summary>The arguments and options of one instance of the command.</summary>
    private sealed class Symbols
    {
        public readonly Argument<string> Input = new Argument<string>("input")
        {
            Description = "The dump to read (iptables-save, iptables -S or iptables -L text; detected), or - for standard input.",
        };

        public readonly Option<string> To = new Option<string>("--to")
        {
            Description = "The output format: save (iptables-save), rules (iptables -S) or listing (iptables -L -n).",
            HelpName = "save|listing|rules",
            Required = true,
        };

        public readonly Option<string?> Dialect = new Option<string?>("--dialect")
        {
            Description = "Listing: protocol column as names (iptables <= 1.8.8 and >= 1.8.11) or numbers (1.8.9, 1.8.10).",
            HelpName = "names|numbers",
        };

        public readonly Option<bool> Exact = new Option<bool>("--exact")
        {
            Description = "Listing: exact counters, as iptables -L -v -x (--exact=false: K/M/G/T rounding).",
        };

        public readonly Option<bool> Verbose = new Option<bool>("--verbose")
        {
            Description = "Listing: counters and in/out columns, as iptables -L -v (--verbose=false: without).",
        };

        public readonly Option<bool> LineNumbers = new Option<bool>("--line-numbers")
        {
            Description = "Listing: a num column, as iptables -L --line-numbers (--line-numbers=false: without).",
        };

        public readonly Option<bool> Lenient = CommonOptions.Lenient();

        public readonly Option<string?> TableOption = new Option<string?>("--table")
        {
            Description = "iptables-save input: convert only this table. Listing or -S input: the table it lists (inferred from its built-in chains otherwise).",
            HelpName = "NAME",
        };

        public readonly Option<string?> Output = new Option<string?>("--output", "-o")
        {
            Description = "Write to this file (atomically) instead of standard output.",
            HelpName = "FILE",
        };
    }
}
