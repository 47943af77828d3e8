using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Properties;

/// <summary>
/// Random valid cluster declarations (both profiles and families, every spec feature), compiled:
/// the save text parses back to the same model, and each table's listing in every form parses
/// back to an equivalent model. Fixed seeds (Replay) and bounded size keep runs identical and short.
/// </summary>
[Category("Properties")]
public class CompiledSpecRoundTripProperties
{
    [FsCheck.NUnit.Property(MaxTest = 200, EndSize = 8, Replay = "20261126,7", QuietOnSuccess = true)]
    public Property Compiled_rules_round_trip_through_save_text_and_restore_content_is_part_of_the_node() =>
        Prop.ForAll(ClusterDraftGenerator.Arbitrary(), draft =>
        {
            // The whole node's tables load on their own; kube-proxy's --noflush content jumps to
            // chains kubelet owns (KUBE-MARK-DROP for V1_12), so it is checked against them instead.
            var node = Compile(draft with { SelfContained = true });
            var problem = RoundTrip.Save(node, new SaveRenderOptions())
                ?? RestoreContent.ProblemAsPartOf(Compile(draft with { SelfContained = false }), node);
            return problem is null ? true.Label("ok") : false.Label(problem);
        });

    [FsCheck.NUnit.Property(MaxTest = 40, EndSize = 6, Replay = "20261127,11", QuietOnSuccess = true)]
    public Property Compiled_rules_round_trip_through_every_listing_form() =>
        Prop.ForAll(ClusterDraftGenerator.Arbitrary(), draft =>
        {
            // A listing shows a whole node table: kube-proxy's --noflush content alone may jump to
            // kubelet's chains, which a listing of it could not name as chains.
            var rules = Compile(draft with { SelfContained = true });
            var problem = RoundTrip.Listing(rules, ListingForms.All(rules.Family));
            return problem is null ? true.Label("ok") : false.Label(problem);
        });

    [Test]
    public void Generated_declarations_are_valid_and_cover_the_features()
    {
        var drafts = System.Linq.Enumerable.Range(0, 200).Select(i => ClusterDraftGenerator.Generate(new System.Random(i), 8));
        var profiles = new System.Collections.Generic.HashSet<KubeProxyProfile>();
        var families = new System.Collections.Generic.HashSet<NatDsl.Model.IpFamily>();
        int loadBalancers = 0, affinity = 0, local = 0, endpoints = 0;
        foreach (var draft in drafts)
        {
            var spec = ClusterSpec.Build(draft.Apply);
            profiles.Add(spec.Settings.Profile);
            families.Add(spec.Settings.Family);
            foreach (var s in spec.Services)
            {
                if (s.Type == ServiceType.LoadBalancer && s.LoadBalancerIngress.Count > 0) loadBalancers++;
                if (s.SessionAffinity == SessionAffinity.ClientIP) affinity++;
                if (s.ExternalTrafficPolicy == TrafficPolicy.Local) local++;
                endpoints += s.Endpoints.Count;
            }
        }
        Assert.That(profiles, Has.Count.EqualTo(2));
        Assert.That(families, Has.Count.EqualTo(2));
        Assert.That(loadBalancers, Is.GreaterThan(10));
        Assert.That(affinity, Is.GreaterThan(10));
        Assert.That(local, Is.GreaterThan(10));
        Assert.That(endpoints, Is.GreaterThan(100));
    }

    private static NatDsl.Model.RuleSet Compile(ClusterDraft draft)
    {
        var spec = ClusterSpec.Build(draft.Apply);
        return KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = draft.SelfContained });
    }
}
