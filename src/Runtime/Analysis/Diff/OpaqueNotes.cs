using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Collects the raw (opaque) extensions of rules found equal, one note per extension kind and
/// name, located at its first occurrence.
/// </summary>
internal sealed class OpaqueNotes
{
    private readonly Dictionary<string, int> _byKey = new Dictionary<string, int>(System.StringComparer.Ordinal);
    private readonly List<Difference> _first = new List<Difference>();
    private readonly List<int> _counts = new List<int>();

    /// <summary>Records the raw extensions of a rule that was found equal on both sides.</summary>
    public void Observe(string table, string chain, int expectedIndex, int actualIndex, Rule expected, Rule actual)
    {
        var matches = expected.Matches;
        for (var m = 0; m < matches.Count; m++)
        {
            if (matches[m] is RawMatch raw) Add("match " + raw.Name, table, chain, expectedIndex, actualIndex, expected, actual);
        }
        if (expected.Target is RawTarget target) Add("target " + target.TargetName, table, chain, expectedIndex, actualIndex, expected, actual);
    }

    private void Add(string key, string table, string chain, int expectedIndex, int actualIndex, Rule expected, Rule actual)
    {
        if (_byKey.TryGetValue(key, out var slot))
        {
            _counts[slot]++;
            return;
        }
        _byKey.Add(key, _first.Count);
        _first.Add(new Difference(DifferenceKind.OpaqueExtension, table, chain, expectedIndex, actualIndex, expected, actual, key));
        _counts.Add(1);
    }

    /// <summary>The notes, in order of first occurrence.</summary>
    public IEnumerable<Difference> ToDifferences()
    {
        for (var i = 0; i < _first.Count; i++)
        {
            var note = _first[i];
            yield return note with
            {
                Explanation = "opaque extension " + note.Explanation + " compared as text (equal in "
                    + _counts[i].ToString(CultureInfo.InvariantCulture) + (_counts[i] == 1 ? " rule)" : " rules)"),
            };
        }
    }
}
