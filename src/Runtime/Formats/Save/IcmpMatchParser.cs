using System;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// <c>-m icmp [!] --icmp-type T[/C]|NAME</c> (IPv4, mandatory option) and
/// <c>-m icmp6 [!] --icmpv6-type T[/C]|NAME</c> (IPv6). Names are matched as libxtables does:
/// a case-insensitive prefix, ambiguous prefixes rejected.
/// </summary>
internal sealed class IcmpMatchParser : MatchParser
{
    private static readonly OptionSpec[] V4Specs = { new OptionSpec("icmp-type", 0, true) };
    private static readonly OptionSpec[] V6Specs = { new OptionSpec("icmpv6-type", 0, true) };

    private bool _v6;
    private IcmpMatch? _match;

    protected override void Clear()
    {
        _match = null;
    }

    /// <summary>Sets the family of the occurrence being read (after <see cref="ExtensionParser.Start"/>).</summary>
    public IcmpMatchParser For(bool v6)
    {
        _v6 = v6;
        return this;
    }

    public override OptionSpec[] Options => _v6 ? V6Specs : V4Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        var arg = call.Argument();
        var (type, min, max) = Parse(arg, call.Context.Line, _v6 ? IcmpTypeNames.V6 : IcmpTypeNames.V4);
        _match = new IcmpMatch(type, min, max, call.Inverted, _v6);
    }

    public override void Finish(RuleParseContext context)
    {
        if (_v6) ProtocolRequirement.Check(context, NameToken, "icmp6", 58, "ipv6-icmp");
        else ProtocolRequirement.Check(context, NameToken, "icmp", 1, "icmp");
        if (_match is null)
        {
            throw context.Line.Error(NameToken, _v6 ? "icmp6: option \"--icmpv6-type\" must be specified" : "icmp: option \"--icmp-type\" must be specified");
        }
    }

    public override Match Build(RuleParseContext context) => _match!;

    private static (byte Type, byte Min, byte Max) Parse(RuleToken token, InputLine line, (string Name, byte Type, byte CodeMin, byte CodeMax)[] names)
    {
        var text = token.Text;
        var found = -1;
        if (text.Length > 0)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (text.Length <= names[i].Name.Length && string.Compare(names[i].Name, 0, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    if (found >= 0) throw line.Error(token, "ambiguous ICMP type \"" + text + "\": \"" + names[found].Name + "\" or \"" + names[i].Name + "\"?");
                    found = i;
                }
            }
        }
        if (found >= 0) return (names[found].Type, names[found].CodeMin, names[found].CodeMax);

        var slash = text.IndexOf('/');
        var typeText = slash < 0 ? text : text.Substring(0, slash);
        if (!CNumber.TryParse(typeText, 0, 255, out var type)) throw line.Error(token, "invalid ICMP type \"" + typeText + "\"");
        if (slash < 0) return ((byte)type, 0, 0xFF);
        var codeText = text.Substring(slash + 1);
        if (!CNumber.TryParse(codeText, 0, 255, out var code)) throw line.Error(token.Start + slash + 1, "invalid ICMP code \"" + codeText + "\"");
        return ((byte)type, (byte)code, (byte)code);
    }
}
