using System;
using System.Collections.Generic;

namespace NatDsl.Cli.Kubernetes;

/// <summary>Orders <c>namespace/name</c> keys by namespace, then name, ordinally (so <c>a/b</c> sorts before <c>a-x/c</c>).</summary>
internal sealed class NamespaceNameComparer : IComparer<string>
{
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var xs = x.IndexOf('/');
        var ys = y.IndexOf('/');
        var c = string.CompareOrdinal(x.Substring(0, Math.Max(xs, 0)), y.Substring(0, Math.Max(ys, 0)));
        return c != 0 ? c : string.CompareOrdinal(x.Substring(xs + 1), y.Substring(ys + 1));
    }
}
