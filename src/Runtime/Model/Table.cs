using System;

namespace NatDsl.Model;

/// <summary>A table (<c>filter</c>, <c>nat</c>, <c>mangle</c>, <c>raw</c>, <c>security</c> or any other) and its chains in order.</summary>
public sealed record Table
{
    /// <summary>Creates a table.</summary>
    public Table(string name, ValueList<Chain>? chains = null)
    {
        Name = name;
        Chains = chains ?? ValueList<Chain>.Empty;
    }

    /// <summary>The table name.</summary>
    public string Name { get; init; }

    /// <summary>The chains in order (built-ins first in hook order, as the tools print them).</summary>
    public ValueList<Chain> Chains { get; init; }

    /// <summary>Finds a chain by name.</summary>
    public Chain? FindChain(string name)
    {
        foreach (var chain in Chains)
        {
            if (string.Equals(chain.Name, name, StringComparison.Ordinal)) return chain;
        }
        return null;
    }

    /// <summary>
    /// The number of rules in this table whose target is the chain <paramref name="name"/>
    /// (jumps and gotos), as <c>iptables -L</c> prints in <c>(N references)</c>.
    /// </summary>
    public int ReferenceCount(string name)
    {
        var count = 0;
        foreach (var chain in Chains)
        {
            foreach (var rule in chain.Rules)
            {
                if (rule.Target is JumpTarget jump && string.Equals(jump.Chain, name, StringComparison.Ordinal)) count++;
            }
        }
        return count;
    }
}
