namespace NatDsl.Formats.Save;

/// <summary>The kernel's check that a protocol match (tcp, udp, sctp, icmp, icmp6) sits in a rule with that <c>-p</c>, not inverted.</summary>
internal static class ProtocolRequirement
{
    public static void Check(RuleParseContext context, RuleToken at, string match, int protocol, string protocolName)
    {
        if (!context.ProtocolIs(protocol))
        {
            throw context.Line.Error(at, "the " + match + " match needs \"-p " + protocolName + "\" (not inverted) in the same rule");
        }
    }
}
