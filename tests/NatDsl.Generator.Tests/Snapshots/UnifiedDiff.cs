using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NatDsl.Generator.Tests.Snapshots;

/// <summary>
/// Renders a line diff as unified-diff hunks with three lines of context. DiffPlex only renders a
/// difference already found by exact comparison, and always with whitespace significant
/// (its default ignores whitespace).
/// </summary>
public static class UnifiedDiff
{
    public static string Render(string expected, string actual, int maxLines)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false, ignoreCase: false);
        var lines = model.Lines;
        var changed = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++) changed[i] = lines[i].Type != ChangeType.Unchanged;

        var output = new List<string> { "--- verified", "+++ received" };
        var oldLine = 1;
        var newLine = 1;
        var index = 0;
        while (index < lines.Count)
        {
            if (!changed[index])
            {
                oldLine++;
                newLine++;
                index++;
                continue;
            }
            var start = System.Math.Max(0, index - 3);
            var end = index;
            while (end < lines.Count)
            {
                var next = end;
                while (next < lines.Count && changed[next]) next++;
                var gap = next;
                while (gap < lines.Count && !changed[gap] && gap - next < 7) gap++;
                if (gap < lines.Count && changed[gap] && gap - next < 7) end = gap;
                else
                {
                    end = System.Math.Min(lines.Count, next + 3);
                    break;
                }
            }
            var oldStart = oldLine - (index - start);
            var newStart = newLine - (index - start);
            int oldCount = 0, newCount = 0;
            var body = new List<string>();
            for (var i = start; i < end; i++)
            {
                switch (lines[i].Type)
                {
                    case ChangeType.Deleted:
                        body.Add("-" + lines[i].Text);
                        oldCount++;
                        break;
                    case ChangeType.Inserted:
                        body.Add("+" + lines[i].Text);
                        newCount++;
                        break;
                    default:
                        body.Add(" " + lines[i].Text);
                        oldCount++;
                        newCount++;
                        break;
                }
            }
            output.Add(string.Format(CultureInfo.InvariantCulture, "@@ -{0},{1} +{2},{3} @@", oldStart, oldCount, newStart, newCount));
            output.AddRange(body);
            for (var i = index; i < end; i++)
            {
                if (lines[i].Type != ChangeType.Inserted) oldLine++;
                if (lines[i].Type != ChangeType.Deleted) newLine++;
            }
            index = end;
        }
        if (output.Count > maxLines)
        {
            var cut = output.Count - maxLines;
            output = output.GetRange(0, maxLines);
            output.Add("… " + cut.ToString(CultureInfo.InvariantCulture) + " more diff lines");
        }
        return string.Join("\n", output);
    }
}
