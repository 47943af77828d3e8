using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Runs many commands inside one namespace with a single <c>ip netns exec sh -c</c>, so a test
/// pays for one process start instead of one per command. Each command's standard output and
/// exit code are kept apart by marker lines that start with a control byte iptables never prints.
/// Standard error of all commands is returned together (iptables-nft writes warnings there).
/// </summary>
public sealed class CommandBatch
{
    private const char Marker = '\u0001';
    private readonly List<string[]> _commands = new List<string[]>();

    /// <summary>Adds a command (program and arguments, none containing a single quote); returns its index.</summary>
    public int Add(params string[] command)
    {
        if (command.Length == 0) throw new ArgumentException("empty command", nameof(command));
        foreach (var word in command)
        {
            if (word.IndexOf('\'') >= 0 || word.IndexOf(Marker) >= 0) throw new ArgumentException("cannot quote " + word, nameof(command));
        }
        _commands.Add(command);
        return _commands.Count - 1;
    }

    /// <summary>Runs every command in order inside <paramref name="ns"/>.</summary>
    public IReadOnlyList<ProcessResult> Run(NetworkNamespace ns)
    {
        var script = new StringBuilder();
        for (var i = 0; i < _commands.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            script.Append("printf '\\001B ").Append(n).Append("\\n'; ");
            foreach (var word in _commands[i]) script.Append('\'').Append(word).Append("' ");
            script.Append("; printf '\\001E ").Append(n).Append(" %d\\n' $?\n");
        }
        var all = ns.Exec("sh", "-c", script.ToString());
        if (all.ExitCode != 0) throw new InvalidOperationException("the command batch failed: " + all);
        return Split(all);
    }

    private List<ProcessResult> Split(ProcessResult all)
    {
        var results = new List<ProcessResult>();
        var text = all.StandardOutput;
        var position = 0;
        for (var i = 0; i < _commands.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var begin = Marker + "B " + n + "\n";
            var end = Marker + "E " + n + " ";
            if (string.CompareOrdinal(text, position, begin, 0, begin.Length) != 0) throw new InvalidOperationException("batch output lost its marker for command " + n);
            var start = position + begin.Length;
            var stop = text.IndexOf(end, start, StringComparison.Ordinal);
            if (stop < 0) throw new InvalidOperationException("batch output has no end marker for command " + n);
            var eol = text.IndexOf('\n', stop);
            var code = int.Parse(text.Substring(stop + end.Length, eol - stop - end.Length), NumberStyles.None, CultureInfo.InvariantCulture);
            results.Add(new ProcessResult(code, text.Substring(start, stop - start), all.StandardError));
            position = eol + 1;
        }
        if (position != text.Length) throw new InvalidOperationException("unexpected batch output after the last command");
        return results;
    }
}
