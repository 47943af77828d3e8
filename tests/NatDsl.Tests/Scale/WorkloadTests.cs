using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Workloads;
using NUnit.Framework;

namespace NatDsl.Tests.Scale;

public class WorkloadTests
{
    [Test]
    public void The_same_seed_gives_the_same_spec_and_another_seed_another()
    {
        var shape = WorkloadShape.S.WithServices(200);
        var first = ClusterWorkload.Generate(shape);
        var second = ClusterWorkload.Generate(shape);
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(ClusterWorkload.Generate(shape with { Seed = 2 }), Is.Not.EqualTo(first));
    }

    [Test]
    public void S_has_the_shape_the_issue_asks_for()
    {
        var spec = ScaleWorkloads.S.Spec;
        var services = spec.Services;
        Assert.That(services, Has.Count.EqualTo(1000));
        Assert.That(spec.Settings.Profile, Is.EqualTo(KubeProxyProfile.Current));
        Assert.That(services.All(s => s.Ports.Count is >= 1 and <= 3), Is.True, "1-3 ports");
        Assert.That(services.All(s => s.Endpoints.Count is >= 1 and <= 20), Is.True, "1-20 endpoints");
        var mean = services.Average(s => s.Endpoints.Count);
        Assert.That(mean, Is.InRange(9.0, 11.0), "mean endpoints");
        Assert.That(Fraction(services, s => s.Type == ServiceType.NodePort), Is.InRange(0.07, 0.13), "a tenth NodePort");
        var lbs = services.Where(s => s.Type == ServiceType.LoadBalancer).ToList();
        Assert.That(lbs.Count / 1000.0, Is.InRange(0.07, 0.13), "a tenth LoadBalancer");
        Assert.That(lbs.All(s => s.LoadBalancerSourceRanges.Count > 0 && s.LoadBalancerIngress.Count > 0), Is.True, "load balancers with source ranges");
        Assert.That(services.Count(s => s.ExternalTrafficPolicy == TrafficPolicy.Local), Is.GreaterThan(20), "Local external policy");
        Assert.That(services.Count(s => s.InternalTrafficPolicy == TrafficPolicy.Local), Is.GreaterThan(5), "Local internal policy");
        Assert.That(services.Count(s => s.SessionAffinity == SessionAffinity.ClientIP), Is.GreaterThan(20), "ClientIP affinity");
        Assert.That(services.Any(s => s.Endpoints.Any(e => e.NodeName == ClusterWorkload.LocalNode)), Is.True, "local endpoints");
        Assert.That(SpecValidator.Validate(spec), Is.Empty);
    }

    [Test]
    public void S_compiles_to_about_a_tenth_of_M_and_its_texts_read_back()
    {
        var workload = ScaleWorkloads.S;
        var nat = workload.RuleSet.FindTable("nat")!;
        var endpointChains = nat.Chains.Count(c => c.Name.StartsWith("KUBE-SEP-", System.StringComparison.Ordinal));
        Assert.That(endpointChains, Is.InRange(10000, 15000), "about 12,500 endpoint chains (M: ten times as many)");
        Assert.That(SaveParser.ParseRuleSet(workload.SaveText), Is.EqualTo(workload.RuleSet), "save text");
        var listing = ListingParser.Parse(workload.NatListing, "S.nat.listing", "nat");
        Assert.That(ListingEquivalence.Map(listing.RuleSet.FindTable("nat")!, listing.Form, IpFamily.V4),
            Is.EqualTo(ListingEquivalence.Map(nat, listing.Form, IpFamily.V4)), "nat listing");
        Assert.That(workload.NatListing, Does.StartWith("Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)"));
    }

    [Test]
    public void Edits_change_exactly_what_they_say()
    {
        var spec = ClusterWorkload.Generate(WorkloadShape.S.WithServices(100));
        var moved = WorkloadEdits.ChangeEndpoint(spec, 7);
        var changed = Enumerable.Range(0, 100).Where(i => moved.Services[i] != spec.Services[i]).ToList();
        Assert.That(changed, Has.Count.EqualTo(1));
        var before = spec.Services[changed[0]].Endpoints;
        var after = moved.Services[changed[0]].Endpoints;
        Assert.That(Enumerable.Range(0, before.Count).Count(i => before[i] != after[i]), Is.EqualTo(1));

        var added = WorkloadEdits.AddService(spec, 7);
        Assert.That(added.Services, Has.Count.EqualTo(101));
        Assert.That(added.Services[100].Name, Is.EqualTo("svc-100"));
        Assert.That(SpecValidator.Validate(added), Is.Empty);

        var removed = WorkloadEdits.RemoveService(spec, 7);
        Assert.That(removed.Services, Has.Count.EqualTo(99));
        Assert.That(SpecValidator.Validate(WorkloadEdits.AddService(removed, 8)), Is.Empty, "an added service after a removal gets a free name, address and node ports");
    }

    private static double Fraction(IReadOnlyList<ServiceSpec> services, System.Func<ServiceSpec, bool> predicate) =>
        services.Count(predicate) / (double)services.Count;
}
