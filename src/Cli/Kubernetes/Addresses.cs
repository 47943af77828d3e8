using NatDsl.Model;

namespace NatDsl.Cli.Kubernetes;

/// <summary>Address parsing as kube-proxy does it: "sloppy" IPs (leading zeros allowed) and CIDRs that must have a prefix length.</summary>
internal static class Addresses
{
    /// <summary>An IP address, or null.</summary>
    public static IpAddress? Ip(string? text) => IpAddress.TryParse(text?.Trim(), out var ip) ? ip : null;

    /// <summary><c>address/prefix</c> with host bits cleared, or null (a bare address or a dotted mask is not a CIDR).</summary>
    public static IpNetwork? Cidr(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        var slash = value!.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1) return null;
        for (var i = slash + 1; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9') return null;
        }
        return IpNetwork.TryParse(value, out var network) ? network : null;
    }
}
