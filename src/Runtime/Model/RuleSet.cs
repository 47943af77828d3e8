using System;

namespace NatDsl.Model;

/// <summary>The root of the model: the tables of one address family.</summary>
public sealed record RuleSet
{
    /// <summary>Creates a rule set.</summary>
    public RuleSet(IpFamily family, ValueList<Table>? tables = null)
    {
        Family = family;
        Tables = tables ?? ValueList<Table>.Empty;
    }

    /// <summary>IPv4 (iptables) or IPv6 (ip6tables).</summary>
    public IpFamily Family { get; init; }

    /// <summary>The tables in order.</summary>
    public ValueList<Table> Tables { get; init; }

    /// <summary>Finds a table by name.</summary>
    public Table? FindTable(string name)
    {
        foreach (var table in Tables)
        {
            if (string.Equals(table.Name, name, StringComparison.Ordinal)) return table;
        }
        return null;
    }
}
