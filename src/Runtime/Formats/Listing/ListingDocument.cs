using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// A parsed <c>iptables -L -n</c> listing: the rule model of its one table and the form it was
/// written in, so that <c>ListingRenderer.Render(ListingParser.Parse(text)) == text</c>.
/// </summary>
/// <param name="RuleSet">A rule set holding exactly one table.</param>
/// <param name="Form">The detected (or wanted) form.</param>
public sealed record ListingDocument(RuleSet RuleSet, ListingForm Form)
{
    /// <summary>The listed table.</summary>
    public Table Table => RuleSet.Tables[0];
}
