namespace NatDsl.Model;

/// <summary>The address family of a rule set: <c>iptables</c> (IPv4) or <c>ip6tables</c> (IPv6).</summary>
public enum IpFamily
{
    /// <summary>IPv4, <c>iptables</c>.</summary>
    V4 = 4,

    /// <summary>IPv6, <c>ip6tables</c>.</summary>
    V6 = 6,
}
