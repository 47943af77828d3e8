using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Scale;

/// <summary>A large cluster's service rules are written on several threads: the result must be exactly that of one thread.</summary>
public class ParallelCompileTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void Many_threads_write_the_same_rules_in_the_same_order_as_one(bool selfContained)
    {
        var spec = ScaleWorkloads.S.Spec;
        var one = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = selfContained, MaxDegreeOfParallelism = 1 });
        foreach (var threads in new int?[] { null, 2, 3, 8 })
        {
            var many = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = selfContained, MaxDegreeOfParallelism = threads });
            Assert.That(SaveRenderer.Render(many), Is.EqualTo(SaveRenderer.Render(one)), "threads: " + (threads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"));
            Assert.That(many, Is.EqualTo(one));
        }
    }

    [Test]
    public void A_cluster_too_small_to_split_compiles_the_same_either_way()
    {
        var spec = NatDsl.Workloads.ClusterWorkload.Generate(NatDsl.Workloads.WorkloadShape.S.WithServices(300, "small"));
        Assert.That(
            KubeProxyCompiler.Compile(spec, new CompileOptions { MaxDegreeOfParallelism = 4 }),
            Is.EqualTo(KubeProxyCompiler.Compile(spec, new CompileOptions { MaxDegreeOfParallelism = 1 })));
    }

    [Test]
    public void A_mutated_order_would_be_seen()
    {
        // The comparison above can fail: two specs differing only in service order compile differently.
        var spec = ScaleWorkloads.S.Spec;
        var services = new System.Collections.Generic.List<ServiceSpec>(spec.Services);
        (services[0], services[^1]) = (services[^1], services[0]);
        var swapped = spec with { Services = services.ToValueList() };
        Assert.That(
            SaveRenderer.Render(KubeProxyCompiler.Compile(swapped, new CompileOptions { MaxDegreeOfParallelism = 1 })),
            Is.Not.EqualTo(SaveRenderer.Render(KubeProxyCompiler.Compile(spec, new CompileOptions { MaxDegreeOfParallelism = 1 }))));
    }
}
