using NatDsl.Model;

namespace NatDsl.Formats;

/// <summary>Options for <see cref="DumpReader"/>.</summary>
public sealed record DumpReadOptions
{
    /// <summary>Strict reading of a whole dump, format detected, family detected.</summary>
    public static DumpReadOptions Default { get; } = new DumpReadOptions();

    /// <summary>
    /// False (the default): the whole input must be a dump; anything else is a located error.
    /// True: find the dump inside other text (a Markdown note, a pasted issue), read it, and
    /// report every non-blank line outside it in <see cref="Dump.Skipped"/>.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>
    /// The table an <c>iptables -S</c> or <c>iptables -L</c> dump lists (their text does not say).
    /// Null infers it from the built-in chains present (nat, filter, mangle, raw; filter when there
    /// are none). Ignored for <c>iptables-save</c> text, which names its tables.
    /// </summary>
    public string? TableName { get; init; }

    /// <summary>The address family, or null to detect it from the text.</summary>
    public IpFamily? Family { get; init; }
}
