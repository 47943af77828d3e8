using System.Collections.Generic;
using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;

namespace NatDsl.Tests.Analysis.Diff;

/// <summary>Builds small kube-proxy-like rule sets directly from model types.</summary>
internal static class DiffTestRules
{
    public const int Tcp = 6;

    public static Rule Rule(
        string? target = null,
        string? comment = null,
        string? source = null,
        bool sourceInverted = false,
        string? destination = null,
        int? protocol = null,
        int? dport = null,
        Counters? counters = null,
        Target? targetValue = null,
        params Match[] extra)
    {
        var matches = new List<Match>();
        if (comment is not null) matches.Add(new CommentMatch(comment));
        if (dport.HasValue) matches.Add(new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single((ushort)dport.Value)) });
        matches.AddRange(extra);
        return new Rule
        {
            Source = source is null ? null : new Negatable<IpNetwork>(IpNetwork.Parse(source), sourceInverted),
            Destination = destination is null ? null : new Negatable<IpNetwork>(IpNetwork.Parse(destination)),
            Protocol = protocol.HasValue ? new Negatable<int>(protocol.Value) : null,
            Matches = matches.ToValueList(),
            Target = targetValue ?? (target is null ? null : new JumpTarget(target)),
            Counters = counters,
        };
    }

    public static Rule Dnat(string endpoint, ushort port, string? comment = null, Counters? counters = null) =>
        Rule(comment: comment, protocol: Tcp, counters: counters,
            targetValue: new DnatTarget(NatRange.To(IpAddress.Parse(endpoint), port)),
            extra: new TcpMatch());

    /// <summary>The cluster-IP pair of the seed's KUBE-SERVICES: MASQ for off-cluster sources, then the jump.</summary>
    public static Rule[] ServicePair(string service, string clusterIp, int port, string svcChain) => new[]
    {
        Rule("KUBE-MARK-MASQ", service + " cluster IP", source: "10.254.0.0/16", sourceInverted: true, destination: clusterIp, protocol: Tcp, dport: port),
        Rule(svcChain, service + " cluster IP", destination: clusterIp, protocol: Tcp, dport: port),
    };

    public static Rule NodePortsTail() =>
        Rule("KUBE-NODEPORTS", "kubernetes service nodeports; NOTE: this must be the last rule in this chain",
            extra: new AddrTypeMatch { DestinationType = new Negatable<AddressTypes>(AddressTypes.Local) });

    public static Chain Chain(string name, params Rule[] rules) => new Chain(name, rules: rules.ToValueList());

    public static Chain Builtin(string name, ChainPolicy policy, Counters? counters, params Rule[] rules) =>
        new Chain(name, policy, counters, rules.ToValueList());

    public static Table Table(string name, params Chain[] chains) => new Table(name, chains.ToValueList());

    public static RuleSet Set(params Table[] tables) => new RuleSet(IpFamily.V4, tables.ToValueList());

    public static RuleSet Nat(params Chain[] chains) => Set(Table("nat", chains));

    /// <summary>A trivial stand-in for the iptables-save renderer.</summary>
    public static string Format(string chain, Rule rule)
    {
        var comment = rule.Matches.OfType<CommentMatch>().Select(c => " \"" + c.Text + "\"").FirstOrDefault() ?? string.Empty;
        var destination = rule.Destination is null ? string.Empty : " " + rule.Destination;
        return chain + destination + comment + " => " + (rule.Target?.Name ?? "(none)");
    }

    /// <summary>A seed-like nat table: built-ins, KUBE-SERVICES with four services and the tail rule, SVC and SEP chains.</summary>
    public static RuleSet Seed() => Nat(
        Builtin("PREROUTING", ChainPolicy.Accept, Counters.Of(598, 37844),
            Rule("KUBE-SERVICES", "kubernetes service portals", counters: new Counters(new Counter(28044), new Counter(1705, CounterScale.Kilo)))),
        Builtin("OUTPUT", ChainPolicy.Accept, new Counters(new Counter(6966), new Counter(418, CounterScale.Kilo)),
            Rule("KUBE-SERVICES", "kubernetes service portals")),
        Chain("KUBE-MARK-MASQ", Rule(targetValue: MarkTarget.Or(0x4000))),
        Chain("KUBE-SERVICES", SeedServices()),
        Chain("KUBE-SVC-N7RVRFO6KG6JK57Y",
            Rule("KUBE-SEP-2ETOGMBR3D5CXS34", extra: StatisticMatch.Random(0.5)),
            Rule("KUBE-SEP-KS6VDJH5DJ57DL4B", counters: Counters.Of(1, 60))),
        Chain("KUBE-SEP-2ETOGMBR3D5CXS34",
            Rule("KUBE-MARK-MASQ", source: "10.254.28.6"),
            Dnat("10.254.28.6", 8080)),
        Chain("KUBE-SEP-KS6VDJH5DJ57DL4B",
            Rule("KUBE-MARK-MASQ", source: "10.254.98.4"),
            Dnat("10.254.98.4", 8080)));

    public static Rule[] SeedServices() =>
        ServicePair("kys/my-nginx:", "10.254.8.203", 80, "KUBE-SVC-BPMGLFJT3B65TD5S")
            .Concat(ServicePair("kys/dnsutils-ds:http", "10.254.212.225", 80, "KUBE-SVC-Z3R3N3G6T6ZAFB4A"))
            .Concat(ServicePair("kys/service-test:", "10.254.82.218", 8088, "KUBE-SVC-N7RVRFO6KG6JK57Y"))
            .Concat(ServicePair("default/kubernetes:https", "10.254.0.1", 443, "KUBE-SVC-NPX46M4PTMTKRN6Y"))
            .Append(NodePortsTail())
            .ToArray();

    public static RuleSet ReplaceChain(RuleSet set, string table, Chain chain)
    {
        var t = set.FindTable(table)!;
        var index = t.Chains.ToList().FindIndex(c => c.Name == chain.Name);
        var tableIndex = set.Tables.ToList().FindIndex(x => x.Name == table);
        return set with { Tables = set.Tables.SetItem(tableIndex, t with { Chains = t.Chains.SetItem(index, chain) }) };
    }

    public static IReadOnlyList<Difference> Changes(DiffResult result) => result.Changes.ToList();
}
