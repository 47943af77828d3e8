using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>
/// Small constructors for the pieces of kube-proxy's rules. Model values are immutable, so the
/// pieces that repeat in every service (the protocol, <c>-m tcp</c> without a port, jumps to
/// the fixed chains, the all-ones mask) are one shared instance each: a 10,000-service cluster
/// then holds hundreds of thousands fewer objects for the collector to promote.
/// </summary>
internal static class RuleParts
{
    private static readonly Negatable<int>[] Protocols = { new Negatable<int>(ProtocolInfo.Number(Protocol.Tcp)), new Negatable<int>(ProtocolInfo.Number(Protocol.Udp)), new Negatable<int>(ProtocolInfo.Number(Protocol.Sctp)) };
    private static readonly Match[] PortlessMatches = { new TcpMatch(), new UdpMatch(), new SctpMatch() };
    private static readonly ValueList<Match>[] PortlessMatchLists = { ValueList<Match>.Own(new[] { PortlessMatches[0] }), ValueList<Match>.Own(new[] { PortlessMatches[1] }), ValueList<Match>.Own(new[] { PortlessMatches[2] }) };
    private static readonly IpAddress[] AllOnes = { IpAddress.MaskOf(IpFamily.V4, 32), IpAddress.MaskOf(IpFamily.V6, 128) };
    private static readonly System.Collections.Generic.Dictionary<string, JumpTarget> FixedJumps = FixedChainJumps();

    private static System.Collections.Generic.Dictionary<string, JumpTarget> FixedChainJumps()
    {
        var jumps = new System.Collections.Generic.Dictionary<string, JumpTarget>(System.StringComparer.Ordinal);
        foreach (var chain in new[] { KubeChains.Services, KubeChains.ExternalServices, KubeChains.NodePorts, KubeChains.Postrouting, KubeChains.MarkMasq, KubeChains.MarkDrop, KubeChains.Forward, KubeChains.ProxyFirewall, KubeChains.Firewall })
        {
            jumps[chain] = new JumpTarget(chain);
        }
        return jumps;
    }

    private static int Index(Protocol protocol) => protocol switch
    {
        Protocol.Udp => 1,
        Protocol.Sctp => 2,
        _ => 0,
    };

    public static CommentMatch Comment(string text) => new CommentMatch(text);

    /// <summary><c>-m tcp|udp|sctp [--dport P]</c>.</summary>
    public static Match PortMatch(Protocol protocol, int? destinationPort)
    {
        if (!destinationPort.HasValue) return PortlessMatches[Index(protocol)];
        Negatable<PortRange>? dport = destinationPort.HasValue ? new Negatable<PortRange>(PortRange.Single((ushort)destinationPort.Value)) : null;
        return protocol switch
        {
            Protocol.Udp => new UdpMatch { DestinationPort = dport },
            Protocol.Sctp => new SctpMatch { DestinationPort = dport },
            _ => new TcpMatch { DestinationPort = dport },
        };
    }

    public static Negatable<int> Proto(Protocol protocol) => Protocols[Index(protocol)];

    /// <summary>The match list <c>-m tcp|udp|sctp</c> alone (shared).</summary>
    public static ValueList<Match> PortlessMatchList(Protocol protocol) => PortlessMatchLists[Index(protocol)];

    public static Negatable<IpNetwork> Host(IpAddress address, bool inverted = false) => new Negatable<IpNetwork>(IpNetwork.Host(address), inverted);

    public static Negatable<IpNetwork> Net(IpNetwork network, bool inverted = false) => new Negatable<IpNetwork>(network, inverted);

    public static JumpTarget Jump(string chain) => FixedJumps.TryGetValue(chain, out var jump) ? jump : new JumpTarget(chain);

    public static AddrTypeMatch DestinationLocal(bool inverted = false) =>
        new AddrTypeMatch { DestinationType = new Negatable<AddressTypes>(AddressTypes.Local, inverted) };

    public static AddrTypeMatch SourceLocal(bool inverted = false) =>
        new AddrTypeMatch { SourceType = new Negatable<AddressTypes>(AddressTypes.Local, inverted) };

    public static ConntrackMatch State(ConntrackStates states, bool inverted = false) =>
        new ConntrackMatch { State = new Negatable<ConntrackStates>(states, inverted) };

    public static RejectTarget Reject(IpFamily family) =>
        new RejectTarget(family == IpFamily.V6 ? "icmp6-port-unreachable" : "icmp-port-unreachable");

    public static IpNetwork Loopback(IpFamily family) =>
        family == IpFamily.V6 ? IpNetwork.Parse("::1/128") : IpNetwork.Parse("127.0.0.0/8");

    public static IpAddress AllOnesMask(IpFamily family) => AllOnes[family == IpFamily.V6 ? 1 : 0];

    public static ValueList<Match> Matches(params Match[] matches) => ValueList<Match>.Own(matches);
}
