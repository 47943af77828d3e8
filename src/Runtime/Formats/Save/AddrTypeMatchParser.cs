using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m addrtype</c> (revision 1): <c>[!] --src-type</c>, <c>[!] --dst-type</c>, <c>--limit-iface-in|out</c>.</summary>
internal sealed class AddrTypeMatchParser : MatchParser
{
    private const int SourceId = 0, DestinationId = 1, LimitInId = 2, LimitOutId = 3;

    /// <summary>The kernel's route type names in enum order (bit i is 1 &lt;&lt; i).</summary>
    internal static readonly string[] TypeNames =
    {
        "UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST",
        "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE",
    };

    private static readonly int[] TypeBits = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048 };

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("src-type", SourceId, true),
        new OptionSpec("dst-type", DestinationId, true),
        new OptionSpec("limit-iface-in", LimitInId, false),
        new OptionSpec("limit-iface-out", LimitOutId, false),
    };

    private Negatable<AddressTypes>? _source;
    private Negatable<AddressTypes>? _destination;

    protected override void Clear()
    {
        _source = null;
        _destination = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        switch (id)
        {
            case SourceId:
            case DestinationId:
            {
                var types = (AddressTypes)FlagNames.ParseList(call.Argument(), call.Context.Line, TypeNames, TypeBits, "address type");
                var value = new Negatable<AddressTypes>(types, call.Inverted);
                if (id == SourceId) _source = value;
                else _destination = value;
                break;
            }
            default:
                call.NoInvert();
                if (Seen(LimitInId) && Seen(LimitOutId)) throw call.Error("addrtype: you can't specify both --limit-iface-in and --limit-iface-out");
                break;
        }
    }

    public override void Finish(RuleParseContext context)
    {
        if (_source is null && _destination is null) throw context.Line.Error(NameToken, "addrtype: you must specify --src-type or --dst-type");
    }

    public override Match Build(RuleParseContext context) => new AddrTypeMatch
    {
        SourceType = _source,
        DestinationType = _destination,
        LimitInInterface = Seen(LimitInId),
        LimitOutInterface = Seen(LimitOutId),
    };
}
