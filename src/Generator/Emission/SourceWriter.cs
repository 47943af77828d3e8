using System;
using System.Text;

namespace NatDsl.Generator.Emission;

/// <summary>A string builder with four-space indentation; multi-line text is re-indented line by line.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent()
    {
        if (_indent == 0) throw new InvalidOperationException("Indentation is already at zero.");
        _indent--;
    }

    public void OpenBlock(string line)
    {
        WriteLine(line);
        WriteLine("{");
        Indent();
    }

    public void CloseBlock()
    {
        Unindent();
        WriteLine("}");
    }

    /// <summary>Writes text, indenting every line of it; an empty line stays empty.</summary>
    public void WriteLine(string text = "")
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0) _builder.Append(' ', _indent * 4).Append(line);
            _builder.Append('\n');
        }
    }

    /// <summary>Writes text as is, with no indentation (for verbatim strings whose lines are content).</summary>
    public void WriteRaw(string text) => _builder.Append(text);

    /// <summary>Writes the indentation of the current level without a line end.</summary>
    public void WriteIndent() => _builder.Append(' ', _indent * 4);

    public override string ToString()
    {
        if (_indent != 0) throw new InvalidOperationException("Unbalanced indentation in generated source.");
        return _builder.ToString();
    }
}
