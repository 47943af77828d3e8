using FsCheck;
using FsCheck.Fluent;
using NatDsl.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Tests.Properties;

/// <summary>
/// Random rule sets not shaped like kube-proxy's (every typed match and target, raw extensions):
/// exact save round trip with and without rule counters; listing round trip in every form under
/// <see cref="NatDsl.Formats.Listing.ListingEquivalence"/> for typed extensions (a listing shows a
/// raw extension only as text that the save form does not have, see docs/formats/listing-limits.md).
/// </summary>
[Category("Properties")]
public class RuleSetRoundTripProperties
{
    [FsCheck.NUnit.Property(MaxTest = 300, EndSize = 10, Replay = "20261128,3", QuietOnSuccess = true)]
    public Property Random_rule_sets_round_trip_exactly_through_save_text() =>
        Prop.ForAll(RuleSetGenerator.WithRawExtensions(), generated =>
        {
            var problem = RoundTrip.Save(generated.RuleSet, new SaveRenderOptions { RuleCounters = true });
            return problem is null ? true.Label("ok") : false.Label(problem);
        });

    [FsCheck.NUnit.Property(MaxTest = 100, EndSize = 8, Replay = "20261129,5", QuietOnSuccess = true)]
    public Property Random_rule_sets_without_counters_round_trip_through_save_text() =>
        Prop.ForAll(RuleSetGenerator.WithRawExtensions(), generated =>
        {
            var withoutCounters = RuleSetWithoutRuleCounters.Of(generated.RuleSet);
            var problem = RoundTrip.Save(withoutCounters, new SaveRenderOptions());
            return problem is null ? true.Label("ok") : false.Label(problem);
        });

    [FsCheck.NUnit.Property(MaxTest = 100, EndSize = 8, Replay = "20261130,13", QuietOnSuccess = true)]
    public Property Random_rule_sets_round_trip_through_every_listing_form() =>
        Prop.ForAll(RuleSetGenerator.TypedOnly(), generated =>
        {
            var problem = RoundTrip.Listing(generated.RuleSet, ListingForms.All(generated.RuleSet.Family));
            return problem is null ? true.Label("ok") : false.Label(problem);
        });
}
