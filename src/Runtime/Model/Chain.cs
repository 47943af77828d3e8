namespace NatDsl.Model;

/// <summary>A chain: built-in (with a policy) or user-defined, with its rules in order.</summary>
public sealed record Chain
{
    /// <summary>Creates a chain.</summary>
    public Chain(string name, ChainPolicy? policy = null, Counters? counters = null, ValueList<Rule>? rules = null)
    {
        Name = name;
        Policy = policy;
        Counters = counters;
        Rules = rules ?? ValueList<Rule>.Empty;
    }

    /// <summary>The chain name (at most 28 characters for iptables).</summary>
    public string Name { get; init; }

    /// <summary>The policy of a built-in chain; null for a user-defined chain.</summary>
    public ChainPolicy? Policy { get; init; }

    /// <summary>The policy counters (built-in) or the chain line counters (user chains, normally zero).</summary>
    public Counters? Counters { get; init; }

    /// <summary>The rules in order.</summary>
    public ValueList<Rule> Rules { get; init; }

    /// <summary>True for a built-in chain (one with a policy).</summary>
    public bool IsBuiltin => Policy.HasValue;
}
