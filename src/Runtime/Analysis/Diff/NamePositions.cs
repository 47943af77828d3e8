using System.Collections.Generic;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Positions of names in a list, handed out in order: the first <see cref="Take"/> of a name gets
/// its first position, the next one its second (so duplicated names pair up by occurrence).
/// </summary>
internal sealed class NamePositions
{
    private readonly Dictionary<string, int> _head = new Dictionary<string, int>(System.StringComparer.Ordinal);
    private readonly int[] _next;
    private readonly bool[] _taken;

    public NamePositions(IReadOnlyList<string> names)
    {
        _next = new int[names.Count];
        _taken = new bool[names.Count];
        for (var i = names.Count - 1; i >= 0; i--)
        {
            _next[i] = _head.TryGetValue(names[i], out var following) ? following : -1;
            _head[names[i]] = i;
        }
    }

    /// <summary>The next unused position of <paramref name="name"/>, or -1.</summary>
    public int Take(string name)
    {
        if (!_head.TryGetValue(name, out var position) || position < 0) return -1;
        _head[name] = _next[position];
        _taken[position] = true;
        return position;
    }

    /// <summary>Whether the position was handed out.</summary>
    public bool IsTaken(int position) => _taken[position];
}
