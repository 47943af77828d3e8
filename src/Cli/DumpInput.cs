using System;
using System.Globalization;
using NatDsl.Cli.Presentation;
using NatDsl.Formats;

namespace NatDsl.Cli;

/// <summary>Reads a dump argument (a file or <c>-</c>) with <see cref="DumpReader"/> and reports skipped lines on stderr.</summary>
public static class DumpInput
{
    /// <summary>Reads and parses the dump at <paramref name="path"/>.</summary>
    /// <param name="path">A file, or <c>-</c> for standard input.</param>
    /// <param name="lenient">Find the dump inside other text; every skipped line is printed on stderr.</param>
    /// <param name="tableName">The table a listing or <c>-S</c> dump lists, or null to infer it.</param>
    /// <param name="progress">Shows the bytes of the file read (strict mode parses while reading; lenient mode reads, then parses).</param>
    public static Dump Read(string path, bool lenient, string? tableName = null, ProgressReporter? progress = null)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        progress ??= ProgressReporter.Silent();
        var source = InputFiles.DisplayName(path);
        var options = new DumpReadOptions { Lenient = lenient, TableName = tableName };
        Dump dump;
        if (!lenient)
        {
            // iptables-save text is parsed while it is read: memory for the model only, whatever the file's size.
            dump = InputFiles.Stream(path, "reading and parsing " + source, progress, reader => DumpReader.Read(reader, source, options));
        }
        else
        {
            var text = InputFiles.ReadAll(path, progress);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            using (progress.Begin("parsing " + source))
            {
                dump = DumpReader.Read(text, source, options);
            }
        }
        if (dump.Skipped.Count > 0)
        {
            Console.Error.WriteLine("natdsl: " + source + ": read " + Describe(dump) + " from lines " + dump.FirstLine.ToString(CultureInfo.InvariantCulture) + "-" +
                dump.LastLine.ToString(CultureInfo.InvariantCulture) + "; skipped " + dump.Skipped.Count.ToString(CultureInfo.InvariantCulture) + " other line" + (dump.Skipped.Count == 1 ? string.Empty : "s") + ":");
            foreach (var line in dump.Skipped)
            {
                Console.Error.WriteLine("natdsl: " + source + ":" + line.Line.ToString(CultureInfo.InvariantCulture) + ": skipped: " + line.Text.Replace("\t", "\\t"));
            }
        }
        return dump;
    }

    /// <summary>A short description of what was read: <c>an iptables -L listing (-L -v -n (names …))</c>.</summary>
    public static string Describe(Dump dump)
    {
        if (dump is null) throw new ArgumentNullException(nameof(dump));
        return dump.Format switch
        {
            DumpFormat.Listing => "an iptables -L listing of table " + dump.RuleSet.Tables[0].Name + " (" + dump.Listing!.Form + ")",
            DumpFormat.Rules => "iptables " + (dump.Rules!.Counters ? "-v " : string.Empty) + "-S rules of table " + dump.Rules.Table.Name,
            _ => "iptables-save text" + (dump.Save!.RuleCounters ? " with rule counters" : string.Empty),
        };
    }
}
