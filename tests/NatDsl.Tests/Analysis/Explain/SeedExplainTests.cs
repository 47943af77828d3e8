using System.Linq;
using NatDsl.Analysis.Explain;
using NatDsl.Formats.Listing;
using NUnit.Framework;

namespace NatDsl.Tests.Analysis.Explain;

public class SeedExplainTests
{
    private static Explanation ExplainSeed() => ServiceExplainer.Explain(ListingParser.Parse(TestData.Seed, "seed.listing.txt").RuleSet);

    [Test]
    public void Service_test_reaches_four_endpoints_a_quarter_each()
    {
        var svc = ExplainSeed().Services.Single(s => s.Name == "kys/service-test:");
        Assert.That(svc.ServiceChain, Is.EqualTo("KUBE-SVC-N7RVRFO6KG6JK57Y"));
        var cluster = svc.Frontends.Single(f => f.Kind == "cluster IP");
        Assert.That(cluster.Address?.ToString(), Is.EqualTo("10.254.82.218"));
        Assert.That(cluster.Port, Is.EqualTo(8088));
        Assert.That(cluster.Endpoints.Select(e => e.Address + ":" + e.Port),
            Is.EquivalentTo(new[] { "10.254.28.6:8080", "10.254.28.7:8080", "10.254.98.4:8080", "10.254.98.5:8080" }));
        Assert.That(cluster.Endpoints.Select(e => e.Probability.ToPercent(2)), Is.All.EqualTo("25.00%"));
        Assert.That(cluster.Masqueraded, Is.True, "a client outside 10.254.0.0/16 is marked for masquerade");
        Assert.That(svc.AffinitySeconds, Is.Null);
        Assert.That(svc.ExternalTrafficPolicy, Is.EqualTo("Cluster"));
    }

    [Test]
    public void Every_seed_service_has_endpoints_whose_shares_sum_to_one()
    {
        var explanation = ExplainSeed();
        Assert.That(explanation.Services.Count, Is.GreaterThanOrEqualTo(5));
        foreach (var svc in explanation.Services)
        {
            foreach (var frontend in svc.Frontends)
            {
                Assert.That(frontend.Endpoints, Is.Not.Empty, svc.Name + " " + frontend.Kind);
                var total = frontend.Endpoints.Aggregate(NatDsl.Analysis.Trace.Probability.Zero, (sum, e) => sum + e.Probability);
                Assert.That(total, Is.EqualTo(NatDsl.Analysis.Trace.Probability.One), svc.Name + " " + frontend.Kind);
            }
        }
    }

    [Test]
    public void The_nodeport_of_dnsutils_reaches_the_same_endpoints_as_its_cluster_ip()
    {
        var svc = ExplainSeed().Services.Single(s => s.Name == "kys/dnsutils-ds:http");
        var cluster = svc.Frontends.Single(f => f.Kind == "cluster IP");
        var nodePort = svc.Frontends.Single(f => f.Kind == "nodePort");
        Assert.That(nodePort.Port, Is.EqualTo(34573));
        Assert.That(nodePort.Endpoints.Select(e => e.Address), Is.EquivalentTo(cluster.Endpoints.Select(e => e.Address)));
        Assert.That(nodePort.Masqueraded, Is.True);
    }

    [Test]
    public void Flannel_masquerade_rules_are_reported_as_belonging_to_no_service()
    {
        var others = ExplainSeed().Others;
        var post = others.Single(o => o.Chain == "POSTROUTING");
        Assert.That(post.RuleCount, Is.EqualTo(4));
        Assert.That(post.Owner, Is.EqualTo("flannel"));
        Assert.That(post.Summary, Does.Contain("10.254.0.0/16").And.Contain("10.254.98.0/24"));
    }
}
