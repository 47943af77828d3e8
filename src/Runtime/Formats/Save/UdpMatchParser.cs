using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m udp</c>: <c>--sport</c>, <c>--dport</c>.</summary>
internal sealed class UdpMatchParser : MatchParser
{
    private const int SourcePortId = 0, DestinationPortId = 1;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("source-port", SourcePortId, true),
        new OptionSpec("sport", SourcePortId, true),
        new OptionSpec("destination-port", DestinationPortId, true),
        new OptionSpec("dport", DestinationPortId, true),
    };

    /// <summary><c>-m udp</c> without options (kube-proxy's DNAT rules): one immutable instance.</summary>
    private static readonly UdpMatch Empty = new UdpMatch();

    private Negatable<PortRange>? _source;
    private Negatable<PortRange>? _destination;

    protected override void Clear()
    {
        _source = null;
        _destination = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        var ports = call.Context.SharedPorts(PortText.ParseUdpRange(call.Argument(), call.Context.Line), call.Inverted);
        if (id == SourcePortId) _source = ports;
        else _destination = ports;
    }

    public override void Finish(RuleParseContext context) => ProtocolRequirement.Check(context, NameToken, "udp", 17, "udp");

    public override Match Build(RuleParseContext context)
    {
        var source = TcpMatchParser.Normalize(_source);
        var destination = TcpMatchParser.Normalize(_destination);
        if (source is null && destination is null) return Empty;
        return new UdpMatch { SourcePort = source, DestinationPort = destination };
    }
}
