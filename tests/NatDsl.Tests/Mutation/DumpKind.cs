namespace NatDsl.Tests.Mutation;

/// <summary>Which parser reads a corpus file.</summary>
public enum DumpKind
{
    /// <summary><c>iptables-save</c> output or an <c>iptables-restore</c> script: SaveParser.</summary>
    Save,

    /// <summary><c>iptables -S</c> output: RulesParser.</summary>
    Rules,

    /// <summary><c>iptables -L -n</c> output: ListingParser.</summary>
    Listing,
}
