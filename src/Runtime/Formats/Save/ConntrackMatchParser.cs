using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m conntrack</c> (revision 3): every option once, each but <c>--ctdir</c> invertible; at least one option.</summary>
internal sealed class ConntrackMatchParser : MatchParser
{
    private const int StateId = 0, ProtoId = 1, OrigSrcId = 2, OrigDstId = 3, ReplSrcId = 4, ReplDstId = 5,
        OrigSrcPortId = 6, OrigDstPortId = 7, ReplSrcPortId = 8, ReplDstPortId = 9, StatusId = 10, ExpireId = 11, DirId = 12;

    /// <summary>State names in the order the parser tries them.</summary>
    internal static readonly string[] StateNames = { "INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED", "SNAT", "DNAT" };

    private static readonly int[] StateBits =
    {
        (int)ConntrackStates.Invalid, (int)ConntrackStates.New, (int)ConntrackStates.Established, (int)ConntrackStates.Related,
        (int)ConntrackStates.Untracked, (int)ConntrackStates.Snat, (int)ConntrackStates.Dnat,
    };

    private static readonly string[] StatusNames = { "NONE", "EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED" };

    private static readonly int[] StatusBits =
    {
        0, (int)ConntrackStatuses.Expected, (int)ConntrackStatuses.SeenReply, (int)ConntrackStatuses.Assured, (int)ConntrackStatuses.Confirmed,
    };

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("ctstate", StateId, true),
        new OptionSpec("ctproto", ProtoId, true),
        new OptionSpec("ctorigsrc", OrigSrcId, true),
        new OptionSpec("ctorigdst", OrigDstId, true),
        new OptionSpec("ctreplsrc", ReplSrcId, true),
        new OptionSpec("ctrepldst", ReplDstId, true),
        new OptionSpec("ctorigsrcport", OrigSrcPortId, true),
        new OptionSpec("ctorigdstport", OrigDstPortId, true),
        new OptionSpec("ctreplsrcport", ReplSrcPortId, true),
        new OptionSpec("ctrepldstport", ReplDstPortId, true),
        new OptionSpec("ctstatus", StatusId, true),
        new OptionSpec("ctexpire", ExpireId, true),
        new OptionSpec("ctdir", DirId, true),
    };

    /// <summary>The value before any option (immutable, so one instance serves every rule).</summary>
    private static readonly ConntrackMatch Empty = new ConntrackMatch();

    private ConntrackMatch _match = Empty;
    private bool _any;

    protected override void Clear()
    {
        _match = Empty;
        _any = false;
    }

    public override OptionSpec[] Options => Specs;

    /// <summary>Parses a <c>--ctstate</c> list (items are case-insensitive prefixes of the names).</summary>
    internal static ConntrackStates ParseStates(RuleToken token, InputLine line, string[] names) =>
        (ConntrackStates)FlagNames.ParseList(token, line, names, StateBits, "state");

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        _any = true;
        var context = call.Context;
        var line = context.Line;
        var inv = call.Inverted;
        var arg = call.Argument();
        switch (id)
        {
            case StateId:
                _match = _match with { State = new Negatable<ConntrackStates>(ParseStates(arg, line, StateNames), inv) };
                break;
            case ProtoId:
                if (!ProtocolText.TryParse(arg.Text, out var protocol)) throw call.Error(arg, "unknown protocol \"" + arg.Text + "\"");
                _match = _match with { Protocol = new Negatable<int>(protocol, inv) };
                break;
            case OrigSrcId:
                _match = _match with { OriginalSource = Network(arg, context, inv) };
                break;
            case OrigDstId:
                _match = _match with { OriginalDestination = Network(arg, context, inv) };
                break;
            case ReplSrcId:
                _match = _match with { ReplySource = Network(arg, context, inv) };
                break;
            case ReplDstId:
                _match = _match with { ReplyDestination = Network(arg, context, inv) };
                break;
            case OrigSrcPortId:
                _match = _match with { OriginalSourcePort = Ports(arg, line, inv) };
                break;
            case OrigDstPortId:
                _match = _match with { OriginalDestinationPort = Ports(arg, line, inv) };
                break;
            case ReplSrcPortId:
                _match = _match with { ReplySourcePort = Ports(arg, line, inv) };
                break;
            case ReplDstPortId:
                _match = _match with { ReplyDestinationPort = Ports(arg, line, inv) };
                break;
            case StatusId:
                _match = _match with
                {
                    Status = new Negatable<ConntrackStatuses>((ConntrackStatuses)FlagNames.ParseList(arg, line, StatusNames, StatusBits, "ctstatus"), inv),
                };
                break;
            case ExpireId:
                _match = _match with { Expire = new Negatable<ExpireRange>(Expire(arg, line), inv) };
                break;
            case DirId:
                call.NoInvert();
                if (string.Equals(arg.Text, "ORIGINAL", System.StringComparison.OrdinalIgnoreCase)) _match = _match with { Direction = ConntrackDirection.Original };
                else if (string.Equals(arg.Text, "REPLY", System.StringComparison.OrdinalIgnoreCase)) _match = _match with { Direction = ConntrackDirection.Reply };
                else throw call.Error(arg, "bad --ctdir \"" + arg.Text + "\" (ORIGINAL or REPLY)");
                break;
        }
    }

    public override void Finish(RuleParseContext context)
    {
        if (!_any) throw context.Line.Error(NameToken, "conntrack: at least one option is required");
    }

    public override Match Build(RuleParseContext context) => _match;

    private static Negatable<IpNetwork> Network(RuleToken arg, RuleParseContext context, bool inverted) =>
        new Negatable<IpNetwork>(AddressText.ParseHostNetwork(arg, context, "conntrack"), inverted);

    /// <summary><c>port[:port]</c> with decimal ports; open ends mean 0 and 65535; a reversed range is kept as given.</summary>
    private static Negatable<PortRange> Ports(RuleToken arg, InputLine line, bool inverted)
    {
        var text = arg.Text;
        var colon = text.IndexOf(':');
        var firstText = colon < 0 ? text : text.Substring(0, colon);
        var first = firstText.Length == 0 && colon >= 0 ? 0 : DecimalPort(firstText, arg, line);
        var last = first;
        if (colon >= 0)
        {
            var lastText = text.Substring(colon + 1);
            last = lastText.Length == 0 ? 65535 : DecimalPort(lastText, arg, line);
        }
        return new Negatable<PortRange>(new PortRange((ushort)first, (ushort)last), inverted);
    }

    private static int DecimalPort(string text, RuleToken at, InputLine line)
    {
        if (!CNumber.IsDigits(text) || !CNumber.TryParseDecimal(text, 0, text.Length, out var v) || v > 65535)
        {
            throw line.Error(at, "invalid port \"" + text + "\" (a decimal number 0-65535; service names are not resolved)");
        }
        return (int)v;
    }

    /// <summary><c>min[:max]</c> with base-0 numbers; open ends mean 0 and 2^32-1.</summary>
    private static ExpireRange Expire(RuleToken arg, InputLine line)
    {
        var text = arg.Text;
        var colon = text.IndexOf(':');
        var minText = colon < 0 ? text : text.Substring(0, colon);
        uint min = 0;
        if (!(colon >= 0 && minText.Length == 0) && !CNumber.TryParseUInt32(minText, out min))
        {
            throw line.Error(arg, "invalid --ctexpire \"" + text + "\"");
        }
        var max = min;
        if (colon >= 0)
        {
            var maxText = text.Substring(colon + 1);
            if (maxText.Length == 0) max = uint.MaxValue;
            else if (!CNumber.TryParseUInt32(maxText, out max)) throw line.Error(arg, "invalid --ctexpire \"" + text + "\"");
        }
        return new ExpireRange(min, max);
    }
}
