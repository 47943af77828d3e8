using System;
using System.Collections.Generic;
using System.Text;

namespace NatDsl.Cli.Presentation;

/// <summary>A plain text table with left-aligned columns separated by two spaces.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new List<string[]>();

    /// <summary>Creates a table with the given column headers.</summary>
    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    /// <summary>Adds a row (missing cells are empty).</summary>
    public void Add(params string[] cells)
    {
        var row = new string[_headers.Length];
        for (var i = 0; i < row.Length; i++) row[i] = i < cells.Length ? cells[i] ?? string.Empty : string.Empty;
        _rows.Add(row);
    }

    /// <summary>Renders the table; <paramref name="maxWidth"/> truncates the last column when positive.</summary>
    public string Render(int maxWidth = 0)
    {
        var widths = new int[_headers.Length];
        for (var i = 0; i < widths.Length; i++) widths[i] = _headers[i].Length;
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }
        var sb = new StringBuilder();
        AppendRow(sb, _headers, widths, maxWidth);
        var rule = new string[_headers.Length];
        for (var i = 0; i < rule.Length; i++) rule[i] = new string('-', widths[i]);
        AppendRow(sb, rule, widths, maxWidth);
        foreach (var row in _rows) AppendRow(sb, row, widths, maxWidth);
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, string[] cells, int[] widths, int maxWidth)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append("  ");
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }
        var text = line.ToString().TrimEnd();
        if (maxWidth > 0 && text.Length > maxWidth) text = text.Substring(0, Math.Max(1, maxWidth - 1)) + "…";
        sb.Append(text).Append('\n');
    }
}
