using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary><c>-m multiport</c> (revision 1): one of <c>--sports</c>, <c>--dports</c>, <c>--ports</c> with up to 15 ports, a range counting twice.</summary>
internal sealed class MultiportMatchParser : MatchParser
{
    private static readonly OptionSpec[] Specs =
    {
        new OptionSpec("source-ports", (int)MultiportDirection.Source, true),
        new OptionSpec("sports", (int)MultiportDirection.Source, true),
        new OptionSpec("destination-ports", (int)MultiportDirection.Destination, true),
        new OptionSpec("dports", (int)MultiportDirection.Destination, true),
        new OptionSpec("ports", (int)MultiportDirection.Either, true),
    };

    private MultiportMatch? _match;

    protected override void Clear()
    {
        _match = null;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        if (_match is not null) throw call.Error("multiport can only have one option");
        var context = call.Context;
        var protocol = context.Protocol ?? 0;
        if (protocol == 0) throw call.Error("multiport needs \"-p tcp\", \"-p udp\", \"-p udplite\", \"-p sctp\" or \"-p dccp\" before it");
        if (context.ProtocolInverted || !(protocol == 6 || protocol == 17 || protocol == 136 || protocol == 132 || protocol == 33))
        {
            throw call.Error("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP (not inverted)");
        }
        var arg = call.Argument();
        _match = new MultiportMatch((MultiportDirection)id, ParsePorts(arg, context.Line), call.Inverted);
    }

    public override void Finish(RuleParseContext context)
    {
        if (_match is null) throw context.Line.Error(NameToken, "multiport needs one of --sports, --dports or --ports");
    }

    public override Match Build(RuleParseContext context) => _match!;

    private static ValueList<PortRange> ParsePorts(RuleToken token, InputLine line)
    {
        var text = token.Text;
        var ports = new List<PortRange>();
        var slots = 0;
        var start = 0;
        while (true)
        {
            var comma = text.IndexOf(',', start);
            var end = comma < 0 ? text.Length : comma;
            var item = text.Substring(start, end - start);
            var at = new RuleToken(item, token.Start + start, token.Start + end, token.Quoted);
            var colon = item.IndexOf(':');
            if (colon < 0)
            {
                ports.Add(PortRange.Single(PortText.ParsePort(item, at, line)));
                slots++;
            }
            else
            {
                var first = PortText.ParsePort(item.Substring(0, colon), at, line);
                var last = PortText.ParsePort(item.Substring(colon + 1), at, line);
                if (first >= last) throw line.Error(at, "invalid port range \"" + item + "\" (first must be below last)");
                ports.Add(new PortRange(first, last));
                slots += 2;
            }
            if (slots > 15) throw line.Error(token, "too many ports specified (at most 15, a range counts twice)");
            if (comma < 0) break;
            start = comma + 1;
        }
        return ports.ToValueList();
    }
}
