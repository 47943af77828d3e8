using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m tcp</c>: <c>--sport</c>, <c>--dport</c>, <c>--syn</c>, <c>--tcp-flags</c>, <c>--tcp-option</c>.</summary>
internal sealed class TcpMatchParser : MatchParser
{
    private const int SourcePortId = 0, DestinationPortId = 1, FlagsId = 2, OptionId = 3, SynId = 4;

    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("source-port", SourcePortId, true),
        new OptionSpec("sport", SourcePortId, true),
        new OptionSpec("destination-port", DestinationPortId, true),
        new OptionSpec("dport", DestinationPortId, true),
        new OptionSpec("syn", SynId, false),
        new OptionSpec("tcp-flags", FlagsId, true),
        new OptionSpec("tcp-option", OptionId, true),
    };

    private static readonly (string Name, TcpFlags Flag)[] FlagNames =
    {
        ("FIN", TcpFlags.Fin), ("SYN", TcpFlags.Syn), ("RST", TcpFlags.Rst), ("PSH", TcpFlags.Psh),
        ("ACK", TcpFlags.Ack), ("URG", TcpFlags.Urg), ("ALL", TcpFlags.All), ("NONE", TcpFlags.None),
    };

    /// <summary><c>-m tcp</c> without options (kube-proxy's DNAT rules): one immutable instance.</summary>
    private static readonly TcpMatch Empty = new TcpMatch();

    private Negatable<PortRange>? _source;
    private Negatable<PortRange>? _destination;
    private TcpFlagsMatch? _flags;
    private Negatable<byte>? _option;

    protected override void Clear()
    {
        _source = null;
        _destination = null;
        _flags = null;
        _option = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        var line = call.Context.Line;
        switch (id)
        {
            case SourcePortId:
                Once(id, call);
                _source = call.Context.SharedPorts(PortText.ParseRange(call.Argument(), line), call.Inverted);
                break;
            case DestinationPortId:
                Once(id, call);
                _destination = call.Context.SharedPorts(PortText.ParseRange(call.Argument(), line), call.Inverted);
                break;
            case SynId:
                if (Seen(FlagsId)) throw call.Error("only one of --syn or --tcp-flags is allowed");
                Once(FlagsId, call);
                _flags = new TcpFlagsMatch(TcpFlags.Fin | TcpFlags.Syn | TcpFlags.Rst | TcpFlags.Ack, TcpFlags.Syn, call.Inverted);
                break;
            case FlagsId:
            {
                if (Seen(FlagsId)) throw call.Error("only one of --syn or --tcp-flags is allowed");
                Once(FlagsId, call);
                var mask = call.Argument();
                var context = call.Context;
                if (!context.HasMore || context.Peek().Text.StartsWith("-", System.StringComparison.Ordinal) || context.Peek().Text.StartsWith("!", System.StringComparison.Ordinal))
                {
                    throw call.Error("--tcp-flags requires two arguments: MASK COMP");
                }
                var compare = context.Next();
                _flags = new TcpFlagsMatch(ParseFlags(mask, line), ParseFlags(compare, line), call.Inverted);
                break;
            }
            case OptionId:
            {
                Once(id, call);
                var arg = call.Argument();
                if (!CNumber.TryParse(arg.Text, 1, 255, out var number)) throw call.Error(arg, "invalid TCP option \"" + arg.Text + "\" (1-255)");
                _option = new Negatable<byte>((byte)number, call.Inverted);
                break;
            }
        }
    }

    public override void Finish(RuleParseContext context) => ProtocolRequirement.Check(context, NameToken, "tcp", 6, "tcp");

    public override Match Build(RuleParseContext context)
    {
        var source = Normalize(_source);
        var destination = Normalize(_destination);
        var flags = _flags is { Mask: TcpFlags.None, Inverted: false } ? null : _flags;
        if (source is null && destination is null && flags is null && _option is null) return Empty;
        return new TcpMatch { SourcePort = source, DestinationPort = destination, Flags = flags, Option = _option };
    }

    /// <summary>0:65535 without <c>!</c> is what the kernel stores for "no port test"; the model says null.</summary>
    internal static Negatable<PortRange>? Normalize(Negatable<PortRange>? ports) =>
        ports is not null && !ports.Inverted && PortText.IsFull(ports.Value) ? null : ports;

    private static TcpFlags ParseFlags(RuleToken token, InputLine line)
    {
        var flags = TcpFlags.None;
        var text = token.Text;
        var start = 0;
        while (start <= text.Length)
        {
            var comma = text.IndexOf(',', start);
            var end = comma < 0 ? text.Length : comma;
            var name = text.Substring(start, end - start);
            if (name.Length > 0)
            {
                var found = false;
                foreach (var (flagName, flag) in FlagNames)
                {
                    if (string.Equals(flagName, name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        flags |= flag;
                        found = true;
                        break;
                    }
                }
                if (!found) throw line.Error(token.Start + start, "unknown TCP flag \"" + name + "\" (FIN, SYN, RST, PSH, ACK, URG, ALL, NONE)");
            }
            if (comma < 0) break;
            start = comma + 1;
        }
        return flags;
    }
}
