namespace NatDsl.Model;

/// <summary><c>--tcp-flags MASK COMP</c> (<c>--syn</c> is <c>FIN,SYN,RST,ACK SYN</c>).</summary>
public sealed record TcpFlagsMatch(TcpFlags Mask, TcpFlags Compare, bool Inverted = false);
