using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Tests.KubeProxy;

/// <summary>
/// Writes an expected rule in the order a listing shows it (source, destination, then the
/// matches left to right, then the target), independent of the compiler's own code.
/// </summary>
internal sealed class ExpectedRule
{
    private readonly List<Match> _matches = new List<Match>();
    private Negatable<IpNetwork>? _source;
    private Negatable<IpNetwork>? _destination;
    private Negatable<int>? _protocol;

    public static ExpectedRule New() => new ExpectedRule();

    /// <summary>"10.0.0.0/8", "!10.0.0.0/8", "10.1.2.3" (a host).</summary>
    public ExpectedRule Src(string text)
    {
        _source = Address(text);
        return this;
    }

    public ExpectedRule Dst(string text)
    {
        _destination = Address(text);
        return this;
    }

    public ExpectedRule Comment(string text)
    {
        _matches.Add(new CommentMatch(text));
        return this;
    }

    public ExpectedRule Tcp(int? dport = null)
    {
        _protocol = new Negatable<int>(6);
        _matches.Add(new TcpMatch { DestinationPort = Port(dport) });
        return this;
    }

    public ExpectedRule Udp(int? dport = null)
    {
        _protocol = new Negatable<int>(17);
        _matches.Add(new UdpMatch { DestinationPort = Port(dport) });
        return this;
    }

    public ExpectedRule Sctp(int? dport = null)
    {
        _protocol = new Negatable<int>(132);
        _matches.Add(new SctpMatch { DestinationPort = Port(dport) });
        return this;
    }

    public ExpectedRule Probability(string listed)
    {
        _matches.Add(StatisticMatch.Random(double.Parse(listed, CultureInfo.InvariantCulture)));
        return this;
    }

    public ExpectedRule Match(Match match)
    {
        _matches.Add(match);
        return this;
    }

    public ExpectedRule DstTypeLocal(bool inverted = false) => Match(new AddrTypeMatch { DestinationType = new Negatable<AddressTypes>(AddressTypes.Local, inverted) });

    public ExpectedRule SrcTypeLocal(bool inverted = false) => Match(new AddrTypeMatch { SourceType = new Negatable<AddressTypes>(AddressTypes.Local, inverted) });

    public ExpectedRule CtState(ConntrackStates states, bool inverted = false) => Match(new ConntrackMatch { State = new Negatable<ConntrackStates>(states, inverted) });

    public ExpectedRule Mark(uint value, uint mask, bool inverted = false) => Match(new MarkMatch(value, mask, inverted));

    public Rule Jump(string chain) => Build(new JumpTarget(chain));

    public Rule Dnat(string ip, int port) => Build(new DnatTarget(NatRange.To(IpAddress.Parse(ip), (ushort)port)));

    public Rule Masquerade(bool randomFully = false) => Build(new MasqueradeTarget(RandomFully: randomFully));

    public Rule Accept() => Build(VerdictTarget.Accept);

    public Rule Drop() => Build(VerdictTarget.Drop);

    public Rule Return() => Build(VerdictTarget.Return);

    public Rule Reject() => Build(new RejectTarget());

    public Rule MarkOr(uint bits) => Build(MarkTarget.Or(bits));

    public Rule NoTarget() => Build(null);

    public Rule Build(Target? target) => new Rule
    {
        Source = _source,
        Destination = _destination,
        Protocol = _protocol,
        Matches = _matches.ToValueList(),
        Target = target,
    };

    private static Negatable<PortRange>? Port(int? port) => port.HasValue ? new Negatable<PortRange>(PortRange.Single((ushort)port.Value)) : null;

    private static Negatable<IpNetwork> Address(string text)
    {
        var inverted = text.StartsWith("!", System.StringComparison.Ordinal);
        return new Negatable<IpNetwork>(IpNetwork.Parse(inverted ? text.Substring(1) : text), inverted);
    }
}
