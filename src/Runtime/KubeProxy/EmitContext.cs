using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>The plan and the two tables being written.</summary>
internal sealed class EmitContext
{
    public EmitContext(ClusterPlan plan)
        : this(plan, 0, plan.ServicePorts.Count)
    {
    }

    /// <summary>A context sized for the service ports <paramref name="first"/> to <paramref name="end"/> (exclusive) of the plan.</summary>
    public EmitContext(ClusterPlan plan, int first, int end)
    {
        Plan = plan;
        // The nat table has a chain per reachable endpoint and up to five per service port:
        // sized up front, a large cluster's table is not rehashed (and reallocated) a dozen times.
        var natChains = 16;
        var ports = plan.ServicePorts;
        for (var i = first; i < end; i++) natChains += 5 + ports[i].ReachableEndpoints.Count;
        Filter = new TableBuilder("filter");
        Nat = new TableBuilder("nat", natChains);
    }

    public ClusterPlan Plan { get; }

    public ProfileRules Rules => Plan.Rules;

    public IpFamily Family => Plan.Family;

    public TableBuilder Filter { get; }

    public TableBuilder Nat { get; }

    /// <summary>Whether SVC→SEP and SEP rules get comments.</summary>
    public bool EndpointComments => Rules.CommentsOnEndpointRules && !Plan.LargeClusterMode;
}
