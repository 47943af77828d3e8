using NatDsl.Formats.Listing;
using NatDsl.Model;

namespace NatDsl.Cli.Generation;

/// <summary>A dump read from a node.</summary>
/// <param name="RuleSet">Its rules (one table for a listing, every table of an <c>iptables-save</c> dump).</param>
/// <param name="ListingForm">The listing's form, or null for an <c>iptables-save</c> dump.</param>
internal sealed record LoadedDump(RuleSet RuleSet, ListingForm? ListingForm);
