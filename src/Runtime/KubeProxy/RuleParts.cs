using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>Small constructors for the pieces of kube-proxy's rules.</summary>
internal static class RuleParts
{
    public static CommentMatch Comment(string text) => new CommentMatch(text);

    /// <summary><c>-m tcp|udp|sctp [--dport P]</c>.</summary>
    public static Match PortMatch(Protocol protocol, int? destinationPort)
    {
        Negatable<PortRange>? dport = destinationPort.HasValue ? new Negatable<PortRange>(PortRange.Single((ushort)destinationPort.Value)) : null;
        return protocol switch
        {
            Protocol.Udp => new UdpMatch { DestinationPort = dport },
            Protocol.Sctp => new SctpMatch { DestinationPort = dport },
            _ => new TcpMatch { DestinationPort = dport },
        };
    }

    public static Negatable<int> Proto(Protocol protocol) => new Negatable<int>(ProtocolInfo.Number(protocol));

    public static Negatable<IpNetwork> Host(IpAddress address, bool inverted = false) => new Negatable<IpNetwork>(IpNetwork.Host(address), inverted);

    public static Negatable<IpNetwork> Net(IpNetwork network, bool inverted = false) => new Negatable<IpNetwork>(network, inverted);

    public static JumpTarget Jump(string chain) => new JumpTarget(chain);

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

    public static IpAddress AllOnesMask(IpFamily family) => IpAddress.MaskOf(family, family == IpFamily.V6 ? 128 : 32);

    public static ValueList<Match> Matches(params Match[] matches) => ValueList<Match>.Own(matches);
}
