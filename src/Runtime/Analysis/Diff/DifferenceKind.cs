namespace NatDsl.Analysis.Diff;

/// <summary>What a <see cref="Difference"/> reports.</summary>
public enum DifferenceKind
{
    /// <summary>The two rule sets are of different address families (IPv4 vs IPv6).</summary>
    FamilyDiffers,

    /// <summary>A table of the expected rule set is absent from the actual one.</summary>
    TableMissing,

    /// <summary>A table of the actual rule set is absent from the expected one.</summary>
    TableExtra,

    /// <summary>A chain of the expected table is absent from the actual table.</summary>
    ChainMissing,

    /// <summary>A chain of the actual table is absent from the expected table.</summary>
    ChainExtra,

    /// <summary>
    /// A chain present on both sides sits at another place in the chain order (reported only when
    /// <see cref="DiffOptions.IgnoreChainOrder"/> is false).
    /// </summary>
    ChainMoved,

    /// <summary>The policy of a chain differs (including built-in vs user-defined).</summary>
    PolicyDiffers,

    /// <summary>The policy counters (built-in) or chain counters (user-defined) differ.</summary>
    ChainCountersDiffer,

    /// <summary>An expected rule has no counterpart in the actual chain.</summary>
    RuleMissing,

    /// <summary>An actual rule has no counterpart in the expected chain.</summary>
    RuleExtra,

    /// <summary>A rule has a counterpart that differs in some fields (or only in counters).</summary>
    RuleDiffers,

    /// <summary>An equal rule exists on both sides but out of order relative to the others.</summary>
    RuleMoved,

    /// <summary>
    /// A note, not a difference: an extension the model keeps as raw text was found equal on
    /// both sides by comparing the text, not by meaning.
    /// </summary>
    OpaqueExtension,
}
