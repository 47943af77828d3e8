using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>What an extension reader needs to know about the rule its text belongs to.</summary>
/// <param name="Family">The address family of the listing.</param>
/// <param name="Protocol">The rule's <c>-p</c> (null for all).</param>
internal sealed record ExtensionContext(IpFamily Family, Negatable<int>? Protocol)
{
    /// <summary>
    /// True when the rule is <c>-p NUMBER</c> without inversion: the kernel refuses protocol
    /// matches (tcp, udp, icmp…) on any other rule, so their text cannot appear there.
    /// </summary>
    public bool ProtocolIs(int number) => Protocol is not null && !Protocol.Inverted && Protocol.Value == number;

    /// <summary>As <see cref="ProtocolIs(int)"/>, for any of <paramref name="numbers"/>.</summary>
    public bool ProtocolIs(params int[] numbers)
    {
        if (Protocol is null || Protocol.Inverted) return false;
        foreach (var n in numbers)
        {
            if (Protocol.Value == n) return true;
        }
        return false;
    }
}
