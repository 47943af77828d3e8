using System.Collections.Generic;
using System.Linq;
using NatDsl.Model;

namespace NatDsl.Tests.Integration;

/// <summary>
/// What the kernel holds, per backend, after iptables 1.8.9 loaded a rule set, as far as the
/// documented quirks (<see cref="Iptables189Quirk"/>) make it differ from the rule set itself.
/// </summary>
public static class Iptables189Quirks
{
    /// <summary>The quirks that change what real iptables prints for <paramref name="model"/>.</summary>
    public static IReadOnlyList<Iptables189Quirk> Affecting(RuleSet model, IptablesBackend backend)
    {
        var quirks = new List<Iptables189Quirk>();
        var rules = model.Tables.SelectMany(t => t.Chains).SelectMany(c => c.Rules).ToList();
        if (backend == IptablesBackend.Legacy && rules.Any(HasInvertedWildcardInterface)) quirks.Add(Iptables189Quirk.LegacyDropsInvertedWildcardInterface);
        if (backend == IptablesBackend.Nft && rules.Any(r => !Equals(RewritePorts(r), r))) quirks.Add(Iptables189Quirk.NftRewritesInvertedLowPortRange);
        if (backend == IptablesBackend.Nft && rules.Any(IsRejectedByNft)) quirks.Add(Iptables189Quirk.NftRejectsInvertedAnyAddress);
        if (backend == IptablesBackend.Nft && model.Family == IpFamily.V6 && HasNonZeroRuleCounters(model)) quirks.Add(Iptables189Quirk.Ip6NftIgnoresRestoreCounters);
        return quirks;
    }

    /// <summary>
    /// The rule set the kernel holds after <c>restore -c</c> of <paramref name="model"/> succeeded
    /// (<see cref="Iptables189Quirk.NftRewritesInvertedLowPortRange"/>, <see cref="Iptables189Quirk.Ip6NftIgnoresRestoreCounters"/>).
    /// The legacy save quirk is a rendering option, not a change of the kernel's rules.
    /// </summary>
    public static RuleSet Loaded(RuleSet model, IptablesBackend backend)
    {
        if (backend == IptablesBackend.Legacy) return model;
        var loaded = MapRules(model, RewritePorts);
        return model.Family == IpFamily.V6 ? ZeroRuleCounters(loaded) : loaded;
    }

    /// <summary>True for a rule iptables-nft-restore 1.8.9 rejects: an inverted match-everything address.</summary>
    public static bool IsRejectedByNft(Rule rule) =>
        rule.Source is { Inverted: true } s && s.Value.IsAny || rule.Destination is { Inverted: true } d && d.Value.IsAny;

    /// <summary>The rule set without the rules iptables-nft-restore rejects.</summary>
    public static RuleSet WithoutNftRejected(RuleSet model) => model with
    {
        Tables = model.Tables.Select(t => t with
        {
            Chains = t.Chains.Select(c => c with { Rules = c.Rules.Where(r => !IsRejectedByNft(r)).ToValueList() }).ToValueList(),
        }).ToValueList(),
    };

    /// <summary>A fresh table as a rejected batch leaves it: the model's built-in chains, empty, with zero counters.</summary>
    public static Table Untouched(Table table) => table with
    {
        Chains = table.Chains.Where(c => c.IsBuiltin).Select(c => c with { Policy = ChainPolicy.Accept, Counters = Counters.Zero, Rules = ValueList<Rule>.Empty }).ToValueList(),
    };

    private static bool HasNonZeroRuleCounters(RuleSet model) =>
        model.Tables.SelectMany(t => t.Chains).Any(c => c.Rules.Any(r => NonZero(r.Counters)));

    private static bool NonZero(Counters? counters) => counters is { } c && (c.Packets.Value != 0 || c.Bytes.Value != 0);

    /// <summary>True for a rule with <c>! -i +</c> or <c>! -o +</c>, which iptables-legacy-save omits.</summary>
    public static bool HasInvertedWildcardInterface(Rule rule) =>
        rule.InInterface is { Inverted: true, Value: "+" } || rule.OutInterface is { Inverted: true, Value: "+" };

    private static RuleSet MapRules(RuleSet model, System.Func<Rule, Rule> map) => model with
    {
        Tables = model.Tables.Select(t => t with
        {
            Chains = t.Chains.Select(c => c with { Rules = c.Rules.Select(map).ToValueList() }).ToValueList(),
        }).ToValueList(),
    };

    // Rule counters only: the policy counters of built-in chains are applied (observed).
    private static RuleSet ZeroRuleCounters(RuleSet model) => MapRules(model, r => r with { Counters = Counters.Zero });

    // Observed on 1.8.9 nft: tcp and udp, source and destination ports, only a range that starts
    // at 0 and is not a single port; sctp (a compat match), a tcp match with --tcp-option (kept
    // as a compat match too) and "! 1024:65535" are kept as given.
    private static Rule RewritePorts(Rule rule) => rule with
    {
        Matches = rule.Matches.Select(m => m switch
        {
            TcpMatch { Option: null } t => t with { SourcePort = Complement(t.SourcePort), DestinationPort = Complement(t.DestinationPort) },
            UdpMatch u => u with { SourcePort = Complement(u.SourcePort), DestinationPort = Complement(u.DestinationPort) },
            _ => m,
        }).ToValueList(),
    };

    private static Negatable<PortRange>? Complement(Negatable<PortRange>? ports) =>
        ports is { Inverted: true } p && p.Value.First == 0 && p.Value.Last > 0 && p.Value.Last < ushort.MaxValue
            ? new Negatable<PortRange>(PortRange.Of(p.Value.Last + 1, ushort.MaxValue))
            : ports;
}
