using System;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Parses <c>iptables -S</c> / <c>iptables -v -S</c> output (<c>-P</c>, <c>-N</c>, <c>-A</c>
/// lines of one table, optionally with <c>-c P B</c>) into a table; other restore commands are
/// applied too. The table name is supplied by the caller. Blank lines and <c>#</c> comments are skipped.
/// </summary>
public static class RulesParser
{
    /// <summary>Parses the text of one table.</summary>
    /// <param name="text">The <c>-S</c> output.</param>
    /// <param name="tableName">The table the output was listed from (<c>-t</c>), e.g. <c>nat</c>.</param>
    /// <param name="source">The file name for error messages.</param>
    /// <param name="options">Parse options (family, chain order), or null for the defaults.</param>
    public static RulesDocument Parse(string text, string tableName, string source = "<text>", SaveParseOptions? options = null)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (string.IsNullOrEmpty(tableName)) throw new ArgumentException("a table name is required", nameof(tableName));
        options ??= SaveParseOptions.Default;
        source ??= "<text>";
        var family = new FamilyState(options.Family);
        var context = new RuleParseContext(family);
        var table = new TableState(tableName);
        var lineEnding = "\n";
        var sawEnding = false;
        var counters = false;
        var position = 0;
        var number = 0;
        while (position < text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end > position && text[end - 1] == '\r' ? end - 1 : end;
            if (!sawEnding && newline >= 0)
            {
                sawEnding = true;
                if (contentEnd < end) lineEnding = "\r\n";
            }
            number++;
            var line = new InputLine(source, number, text.Substring(position, contentEnd - position));
            position = newline < 0 ? text.Length : newline + 1;
            if (line.Text.Trim().Length == 0 || line.Text[0] == '#') continue;
            SaveFileReader.CheckCarriageReturn(line);
            var first = line.Text[0];
            if (first == '*' || first == ':' || line.Text == "COMMIT")
            {
                throw line.Error(0, "this is iptables-save syntax, not iptables -S output (use SaveParser)");
            }
            try
            {
                context.Reset(line);
                RuleTokenizer.Tokenize(line, 0, context.Tokens, context.Pool);
                counters |= HasCounters(context);
                RestoreCommands.Execute(table, context, null, null);
            }
            catch (DumpParseException)
            {
                throw;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is InvalidOperationException || ex is OverflowException || ex is IndexOutOfRangeException || ex is NullReferenceException)
            {
                throw line.Error(0, "cannot read this line: " + ex.Message);
            }
        }
        return new RulesDocument(table.Build(options.SortChains), family.Require())
        {
            Counters = counters,
            LineEnding = lineEnding,
            EndsWithLineEnding = text.Length == 0 || text[text.Length - 1] == '\n',
        };
    }

    private static bool HasCounters(RuleParseContext context)
    {
        foreach (var token in context.Tokens)
        {
            if (token.Text == "-c" || token.Text == "--set-counters") return true;
        }
        return false;
    }
}
