using NatDsl.Analysis.Explain;
using NUnit.Framework;

namespace NatDsl.Tests.Scale;

/// <summary>A large rule set's service ports are explained on several threads: the explanation must be that of one thread.</summary>
public class ParallelExplainTests
{
    [Test]
    public void Many_threads_explain_every_service_port_as_one_does_in_the_same_order()
    {
        var workload = ScaleWorkloads.S;
        var one = ServiceExplainer.Explain(workload.RuleSet, workload.Spec.Settings.NodeIPs, 1);
        Assert.That(one.Services, Has.Count.GreaterThan(1024), "enough ports for four pieces");
        foreach (var threads in new int?[] { null, 2, 5 })
        {
            Assert.That(ServiceExplainer.Explain(workload.RuleSet, workload.Spec.Settings.NodeIPs, threads), Is.EqualTo(one));
        }
    }
}
