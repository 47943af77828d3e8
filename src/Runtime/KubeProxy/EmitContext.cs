using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>The plan and the two tables being written.</summary>
internal sealed class EmitContext
{
    public EmitContext(ClusterPlan plan)
    {
        Plan = plan;
        Filter = new TableBuilder("filter");
        Nat = new TableBuilder("nat");
    }

    public ClusterPlan Plan { get; }

    public ProfileRules Rules => Plan.Rules;

    public IpFamily Family => Plan.Family;

    public TableBuilder Filter { get; }

    public TableBuilder Nat { get; }

    /// <summary>Whether SVC→SEP and SEP rules get comments.</summary>
    public bool EndpointComments => Rules.CommentsOnEndpointRules && !Plan.LargeClusterMode;
}
