using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>A chain while a table is being built from commands.</summary>
internal sealed class ChainState
{
    public ChainState(string name, bool builtin, int order)
    {
        Name = name;
        Builtin = builtin;
        Order = order;
        if (builtin) Policy = ChainPolicy.Accept;
    }

    public string Name { get; }

    public bool Builtin { get; }

    /// <summary>Position of first mention (for keeping the written order).</summary>
    public int Order { get; set; }

    /// <summary>True when a chain line, -N or -P named the chain (not only implied).</summary>
    public bool Declared { get; set; }

    public ChainPolicy? Policy { get; set; }

    public Counters? Counters { get; set; }

    public List<Rule> Rules { get; } = new List<Rule>();

    public Chain Build() => new Chain(Name, Policy, Counters, Rules.Count == 0 ? ValueList<Rule>.Empty : new ValueList<Rule>(Rules));
}
