namespace NatDsl.Tests.Integration;

/// <summary>The two kernel backends of iptables 1.8.</summary>
public enum IptablesBackend
{
    /// <summary>x_tables (iptables-legacy).</summary>
    Legacy,

    /// <summary>nf_tables (iptables-nft).</summary>
    Nft,
}
