namespace NatDsl.Dsl;

/// <summary>Declares flannel's <c>--ip-masq</c> rules: its network and this node's subnet lease.</summary>
public sealed class MasqueradeBuilder
{
    internal string? PodNetworkText { get; private set; }

    internal string? NodeSubnetText { get; private set; }

    /// <summary>flannel's network (<c>masquerade.podNetwork</c>), e.g. "10.254.0.0/16".</summary>
    public MasqueradeBuilder PodNetwork(string cidr)
    {
        PodNetworkText = cidr;
        return this;
    }

    /// <summary>This node's subnet lease (<c>masquerade.nodeSubnet</c>), e.g. "10.254.98.0/24".</summary>
    public MasqueradeBuilder NodeSubnet(string cidr)
    {
        NodeSubnetText = cidr;
        return this;
    }
}
