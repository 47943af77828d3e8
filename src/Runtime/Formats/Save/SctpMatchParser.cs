using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m sctp</c>: <c>--sport</c>, <c>--dport</c>; <c>--chunk-types</c> is not modelled and rejected.</summary>
internal sealed class SctpMatchParser : MatchParser
{
    private const int SourcePortId = 0, DestinationPortId = 1, ChunkTypesId = 2;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("source-port", SourcePortId, true),
        new OptionSpec("sport", SourcePortId, true),
        new OptionSpec("destination-port", DestinationPortId, true),
        new OptionSpec("dport", DestinationPortId, true),
        new OptionSpec("chunk-types", ChunkTypesId, true),
    };

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
        if (id == ChunkTypesId) throw call.Error("sctp option \"--chunk-types\" is not supported by the rule model");
        Once(id, call);
        var ports = call.Context.SharedPorts(PortText.ParseRange(call.Argument(), call.Context.Line), call.Inverted);
        if (id == SourcePortId) _source = ports;
        else _destination = ports;
    }

    public override void Finish(RuleParseContext context) => ProtocolRequirement.Check(context, NameToken, "sctp", 132, "sctp");

    public override Match Build(RuleParseContext context) => new SctpMatch
    {
        SourcePort = TcpMatchParser.Normalize(_source),
        DestinationPort = TcpMatchParser.Normalize(_destination),
    };
}
