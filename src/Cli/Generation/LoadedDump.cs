using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Model;

namespace NatDsl.Cli.Generation;

/// <summary>A dump read from a node.</summary>
/// <param name="RuleSet">Its rules (one table for a listing or <c>iptables -S</c> dump, every table of an <c>iptables-save</c> dump).</param>
/// <param name="ListingForm">The listing's form, or null for an <c>iptables-save</c> or <c>iptables -S</c> dump.</param>
internal sealed record LoadedDump(RuleSet RuleSet, ListingForm? ListingForm)
{
    /// <summary>The format the dump was written in (a listing when <see cref="ListingForm"/> is set, else iptables-save unless told).</summary>
    public DumpFormat Format { get; init; } = ListingForm is null ? DumpFormat.Save : DumpFormat.Listing;
}
