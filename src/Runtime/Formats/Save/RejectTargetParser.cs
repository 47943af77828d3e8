using System;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// <c>-j REJECT [--reject-with TYPE]</c>: the type is a case-insensitive prefix of a name or
/// alias (first in table order wins) and is stored by its canonical name; <c>tcp-reset</c> needs
/// <c>-p tcp</c>.
/// </summary>
internal sealed class RejectTargetParser : TargetParser
{
    private static readonly OptionSpec[] Specs = { new OptionSpec("reject-with", 0, true) };

    private static readonly (string Name, string Alias)[] V4Types =
    {
        ("icmp-net-unreachable", "net-unreach"),
        ("icmp-host-unreachable", "host-unreach"),
        ("icmp-proto-unreachable", "proto-unreach"),
        ("icmp-port-unreachable", "port-unreach"),
        ("icmp-net-prohibited", "net-prohib"),
        ("icmp-host-prohibited", "host-prohib"),
        ("tcp-reset", "tcp-rst"),
        ("icmp-admin-prohibited", "admin-prohib"),
    };

    private static readonly (string Name, string Alias)[] V6Types =
    {
        ("icmp6-no-route", "no-route"),
        ("icmp6-adm-prohibited", "adm-prohibited"),
        ("icmp6-addr-unreachable", "addr-unreach"),
        ("icmp6-port-unreachable", "port-unreach"),
        ("tcp-reset", "tcp-reset"),
        ("icmp6-policy-fail", "policy-fail"),
        ("icmp6-reject-route", "reject-route"),
    };

    private string? _with;
    private RuleToken _withToken;

    protected override void Clear()
    {
        _with = null;
        _withToken = default;
    }

    public override OptionSpec[] Options => Specs;

    public override void ParseOption(int id, OptionCall call)
    {
        Once(id, call);
        call.NoInvert();
        var arg = call.Argument();
        var text = arg.Text;
        {
            var family = call.Context.Family;
            // A name only one family has decides the family; shared names use the family so far.
            var v4 = Find(V4Types, text);
            var v6 = Find(V6Types, text);
            if (v4 is null && v6 is not null) family.Observe(IpFamily.V6, call.Context.Line, arg, "reject type \"" + text + "\"");
            else if (v6 is null && v4 is not null) family.Observe(IpFamily.V4, call.Context.Line, arg, "reject type \"" + text + "\"");
            _with = family.Require() == IpFamily.V4 ? v4 : v6;
        }
        if (_with is null) throw call.Error(arg, "unknown reject type \"" + text + "\"");
        _withToken = call.Token;
    }

    public override void Finish(RuleParseContext context)
    {
        if (_with == "tcp-reset" && !context.ProtocolIs(6))
        {
            throw context.Line.Error(_withToken, "--reject-with tcp-reset needs \"-p tcp\" (not inverted) in the same rule");
        }
    }

    public override Target Build(RuleParseContext context) =>
        new RejectTarget(_with ?? (context.Family.Require() == IpFamily.V4 ? "icmp-port-unreachable" : "icmp6-port-unreachable"));

    private static string? Find((string Name, string Alias)[] table, string text)
    {
        foreach (var (name, alias) in table)
        {
            if (IsPrefix(text, name) || IsPrefix(text, alias)) return name;
        }
        return null;
    }

    private static bool IsPrefix(string text, string name) =>
        text.Length <= name.Length && string.Compare(name, 0, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
