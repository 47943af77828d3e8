using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// <c>-j DNAT --to-destination R [--random] [--persistent]</c>,
/// <c>-j SNAT --to-source R [--random] [--random-fully] [--persistent]</c>,
/// <c>-j MASQUERADE [--to-ports P[-P]] [--random] [--random-fully]</c>,
/// <c>-j REDIRECT [--to-ports P[-P]] [--random]</c>, read as <c>libxt_NAT</c> does: ranges
/// <c>[addr[-addr]][:port[-port[/base]]]</c>, IPv6 with a port in brackets, ports only with
/// <c>-p tcp|udp|sctp|dccp|icmp</c> given before.
/// </summary>
internal sealed class NatTargetParser : TargetParser
{
    private const int ToId = 0, RandomId = 1, PersistentId = 2, RandomFullyId = 3, ToPortsId = 4;

    private static readonly OptionSpec[] DnatSpecs =
    {
        new OptionSpec("to-destination", ToId, true), new OptionSpec("random", RandomId, false), new OptionSpec("persistent", PersistentId, false),
    };

    private static readonly OptionSpec[] SnatSpecs =
    {
        new OptionSpec("to-source", ToId, true), new OptionSpec("random", RandomId, false),
        new OptionSpec("random-fully", RandomFullyId, false), new OptionSpec("persistent", PersistentId, false),
    };

    private static readonly OptionSpec[] MasqueradeSpecs =
    {
        new OptionSpec("to-ports", ToPortsId, true), new OptionSpec("random", RandomId, false), new OptionSpec("random-fully", RandomFullyId, false),
    };

    private static readonly OptionSpec[] RedirectSpecs =
    {
        new OptionSpec("to-ports", ToPortsId, true), new OptionSpec("random", RandomId, false),
    };

    private NatTargetKind _kind;
    private NatRange? _range;
    private PortRange? _ports;

    protected override void Clear()
    {
        _range = null;
        _ports = null;
    }

    /// <summary>Sets the target of the occurrence being read (after <see cref="ExtensionParser.Start"/>).</summary>
    public NatTargetParser For(NatTargetKind kind)
    {
        _kind = kind;
        return this;
    }

    public override OptionSpec[] Options => _kind switch
    {
        NatTargetKind.Dnat => DnatSpecs,
        NatTargetKind.Snat => SnatSpecs,
        NatTargetKind.Masquerade => MasqueradeSpecs,
        _ => RedirectSpecs,
    };

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        call.NoInvert();
        if (id == ToId) _range = ParseRange(call.Argument(), call);
        else if (id == ToPortsId) _ports = ParsePorts(call.Argument(), call, allowBase: false, out _);
    }

    public override void Finish(RuleParseContext context)
    {
        if (_range is null && _kind == NatTargetKind.Dnat) throw context.Line.Error(NameToken, "DNAT: option \"--to-destination\" must be specified");
        if (_range is null && _kind == NatTargetKind.Snat) throw context.Line.Error(NameToken, "SNAT: option \"--to-source\" must be specified");
    }

    public override Target Build(RuleParseContext context) => _kind switch
    {
        NatTargetKind.Dnat => new DnatTarget(_range, Seen(RandomId), Seen(PersistentId)),
        NatTargetKind.Snat => new SnatTarget(_range, Seen(RandomId), Seen(RandomFullyId), Seen(PersistentId)),
        NatTargetKind.Masquerade => new MasqueradeTarget(_ports, Seen(RandomId), Seen(RandomFullyId)),
        _ => new RedirectTarget(_ports, Seen(RandomId)),
    };

    private NatRange ParseRange(RuleToken arg, OptionCall call)
    {
        if (TryParseV4Range(arg, call.Context) is { } usual) return usual;
        var context = call.Context;
        var line = context.Line;
        var text = arg.Text;
        string addressPart;
        string? portPart = null;
        var portOffset = 0;
        var bracket = text.IndexOf('[');
        if (bracket < 0)
        {
            var colon = text.IndexOf(':');
            if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0) colon = -1; // an IPv6 address without port
            addressPart = colon < 0 ? text : context.Pool.Intern(text, 0, colon);
            if (colon >= 0)
            {
                portPart = context.Pool.Intern(text, colon + 1, text.Length - colon - 1);
                portOffset = colon + 1;
            }
        }
        else
        {
            var close = text.IndexOf(']', bracket + 1);
            if (bracket != 0 || close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                throw call.Error(arg, "invalid address format \"" + text + "\" (use [IPv6]:port)");
            }
            context.Family.Observe(IpFamily.V6, line, arg, "bracketed address");
            addressPart = text.Substring(1, close - 1);
            if (close + 1 < text.Length)
            {
                portPart = text.Substring(close + 2);
                portOffset = close + 2;
            }
        }

        // One NatRange per rule (a large dump has one DNAT per endpoint): its parts are parsed first.
        PortRange? ports = null;
        ushort? basePort = null;
        if (portPart is not null)
        {
            var portToken = new RuleToken(portPart, arg.Start + portOffset, arg.End, arg.Quoted);
            ports = ParsePorts(portToken, call, allowBase: _kind == NatTargetKind.Dnat, out basePort);
        }
        if (addressPart.Length == 0)
        {
            if (portPart is null) throw call.Error(arg, "empty NAT range");
            return new NatRange { Ports = ports, BasePort = basePort };
        }
        var what = OptionLabel(call.Name);
        var dash = addressPart.IndexOf('-');
        var minText = dash < 0 ? addressPart : addressPart.Substring(0, dash);
        var min = AddressText.ParseAddress(minText, arg, context, what);
        var max = dash < 0 ? min : AddressText.ParseAddress(addressPart.Substring(dash + 1), arg, context, what);
        if (max.Family != min.Family) throw call.Error(arg, "the two addresses of the range are of different families");
        return new NatRange { Ports = ports, BasePort = basePort, MinAddress = min, MaxAddress = max };
    }

    /// <summary>
    /// Reads the range kube-proxy writes, one IPv4 address with or without one port
    /// (<c>10.1.2.3:8080</c>), from the line without making strings, and records the family.
    /// Null, with nothing recorded, for anything else (ranges, IPv6, bad values, a port without a
    /// protocol that has ports, the other family): the general path then reads it, and reports
    /// what is wrong.
    /// </summary>
    private static NatRange? TryParseV4Range(RuleToken arg, RuleParseContext context)
    {
        arg.Range(out var s, out var start);
        var end = start + arg.Length;
        var colon = -1;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                if (colon >= 0) return null;
                colon = i;
            }
            else if (c == '[' || c == '-' || c == '/')
            {
                return null;
            }
        }
        PortRange? ports = null;
        if (colon >= 0)
        {
            var protocol = context.Protocol ?? 0;
            if (!(protocol == 6 || protocol == 17 || protocol == 132 || protocol == 33 || protocol == 1)) return null;
            if (!CNumber.TryParse(s, colon + 1, end, 0, 65535, out var port)) return null;
            ports = PortRange.Single((ushort)port);
        }
        if (!AddressText.TryParseDottedQuad(s, start, colon < 0 ? end : colon, out var address)) return null;
        if (!context.Family.TryObserve(IpFamily.V4)) return null;
        return new NatRange { Ports = ports, MinAddress = address, MaxAddress = address };
    }

    /// <summary><c>"--" + name</c>, without a new string for the usual names.</summary>
    private static string OptionLabel(string name) => name switch
    {
        "to-destination" => "--to-destination",
        "to-source" => "--to-source",
        _ => "--" + name,
    };

    private static PortRange ParsePorts(RuleToken token, OptionCall call, bool allowBase, out ushort? basePort)
    {
        basePort = null;
        var context = call.Context;
        var protocol = context.Protocol ?? 0;
        if (!(protocol == 6 || protocol == 17 || protocol == 132 || protocol == 33 || protocol == 1))
        {
            throw call.Error(token, "Need TCP, UDP, SCTP or DCCP with port specification (give -p before the target)");
        }
        var line = context.Line;
        var text = token.Text;
        var end = 0;
        while (end < text.Length && text[end] != '-' && text[end] != ':' && text[end] != '/') end++;
        var first = PortText.ParsePort(end == text.Length ? text : call.Context.Pool.Intern(text, 0, end), token, line);
        if (end == text.Length) return PortRange.Single(first);
        if (text[end] == ':') throw line.Error(token.Start + end, "invalid port:port syntax in a NAT range: use a dash");
        if (text[end] == '/') throw line.Error(token.Start + end, "a base port (/base) needs a port range first");
        var start = end + 1;
        end = start;
        while (end < text.Length && text[end] != '/') end++;
        var lastText = text.Substring(start, end - start);
        if (!CNumber.TryParse(lastText, 0, 65535, out var last)) throw line.Error(token.Start + start, "invalid port \"" + lastText + "\"");
        if (last < first) throw line.Error(token, "port range \"" + text + "\" is reversed");
        var range = new PortRange(first, (ushort)last);
        if (end == text.Length) return range;
        if (!allowBase) throw line.Error(token.Start + end, "a base port (/base) is only supported by DNAT");
        var baseText = text.Substring(end + 1);
        if (!CNumber.TryParse(baseText, 1, 65535, out var b)) throw line.Error(token.Start + end + 1, "invalid base port \"" + baseText + "\"");
        basePort = (ushort)b;
        return range;
    }
}
