using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Model;

namespace NatDsl.Analysis.Explain;

/// <summary>
/// Recovers, from any rule set (generated or parsed from a dump of any kube-proxy generation),
/// what each service port does: its frontends (cluster IP, external and load-balancer IPs,
/// NodePorts), the endpoints each reaches with their exact share (by tracing a packet through
/// the rules, so the answer is what the rules do, not what the comments claim), affinity,
/// traffic policy and masquerade; plus the rules no service owns.
/// </summary>
public static class ServiceExplainer
{
    /// <summary>Service ports per piece when a large rule set is explained on several threads.</summary>
    private const int PortsPerPiece = 256;

    /// <summary>The client address used for traces (TEST-NET-3; never sent anywhere).</summary>
    public static readonly IpAddress ClientV4 = IpAddress.Parse("203.0.113.10");

    /// <summary>The IPv6 client address used for traces (documentation prefix).</summary>
    public static readonly IpAddress ClientV6 = IpAddress.Parse("2001:db8:ffff::10");

    /// <summary>Explains <paramref name="rules"/>. <paramref name="localAddresses"/> are the node's addresses, if known.</summary>
    public static Explanation Explain(RuleSet rules, IReadOnlyList<IpAddress>? localAddresses = null) => Explain(rules, localAddresses, null);

    /// <summary>
    /// Explains <paramref name="rules"/>, tracing a large rule set's service ports on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads (all cores when null; 1: the calling
    /// thread). The explanation is the same whatever the number.
    /// </summary>
    public static Explanation Explain(RuleSet rules, IReadOnlyList<IpAddress>? localAddresses, int? maxDegreeOfParallelism)
    {
        var nat = rules.FindTable("nat");
        var filter = rules.FindTable("filter");
        var node = localAddresses is { Count: > 0 }
            ? localAddresses[0]
            : rules.Family == IpFamily.V4 ? IpAddress.Parse("192.0.2.1") : IpAddress.Parse("2001:db8:ffff::1");
        var local = (localAddresses ?? Array.Empty<IpAddress>()).Concat(new[] { node }).Distinct().ToValueList();
        var options = new TraceOptions { LocalAddresses = local };
        var client = rules.Family == IpFamily.V4 ? ClientV4 : ClientV6;

        var builders = new Dictionary<string, PortBuilder>(StringComparer.Ordinal);
        var order = new List<string>();
        PortBuilder Get(string service, int protocol)
        {
            var key = service + "/" + protocol;
            if (!builders.TryGetValue(key, out var b))
            {
                b = new PortBuilder(service, protocol);
                builders.Add(key, b);
                order.Add(key);
            }
            return b;
        }

        if (nat is not null)
        {
            foreach (var rule in nat.FindChain("KUBE-SERVICES")?.Rules ?? ValueList<Rule>.Empty)
            {
                if (!TryService(rule, out var service, out var kind) || rule.Target is not JumpTarget jump) continue;
                if (jump.Chain == "KUBE-MARK-MASQ" || jump.Chain == "KUBE-MARK-DROP") continue;
                if (rule.Destination is null || rule.Destination.Inverted) continue;
                var b = Get(service, rule.Protocol?.Value ?? 0);
                var port = DestinationPort(rule);
                if (jump.Chain.StartsWith("KUBE-SVC-", StringComparison.Ordinal) && kind == "cluster IP") b.ServiceChain = jump.Chain;
                b.Frontends.Add((kind.Length == 0 ? "cluster IP" : kind, rule.Destination.Value.Address, port));
            }
            foreach (var rule in nat.FindChain("KUBE-NODEPORTS")?.Rules ?? ValueList<Rule>.Empty)
            {
                if (!TryService(rule, out var service, out _) || rule.Target is not JumpTarget jump) continue;
                if (jump.Chain == "KUBE-MARK-MASQ" || jump.Chain == "KUBE-MARK-DROP") continue;
                var b = Get(service, rule.Protocol?.Value ?? 0);
                b.Frontends.Add(("nodePort", null, DestinationPort(rule)));
            }
        }
        if (filter is not null)
        {
            foreach (var chain in filter.Chains)
            {
                foreach (var rule in chain.Rules)
                {
                    if (rule.Target is RejectTarget && TryService(rule, out var service, out var kind) && kind == "has no endpoints")
                    {
                        var b = Get(service, rule.Protocol?.Value ?? 0);
                        b.NoEndpoints = true;
                    }
                }
            }
        }

        // Chains by name, once: a large cluster's nat table has a hundred thousand chains and
        // every service port looks up three (Table.FindChain scans them).
        var natChains = new Dictionary<string, Chain>(StringComparer.Ordinal);
        if (nat is not null)
        {
            foreach (var chain in nat.Chains)
            {
                if (!natChains.ContainsKey(chain.Name)) natChains.Add(chain.Name, chain);
            }
        }

        // Each service port is traced on its own (a large cluster's ports on all cores, in pieces), in order.
        var services = new ServicePortExplanation[order.Count];
        void ExplainPorts(int first, int end)
        {
            for (var i = first; i < end; i++) services[i] = ExplainPort(builders[order[i]]);
        }
        ServicePortExplanation ExplainPort(PortBuilder b)
        {
            var frontends = new List<ServiceFrontend>();
            foreach (var (kind, address, port) in b.Frontends.Distinct())
            {
                var packet = new Packet
                {
                    Source = client,
                    Destination = address ?? node,
                    Protocol = b.Protocol == 0 ? 6 : b.Protocol,
                    DestinationPort = port,
                };
                var result = PacketTracer.Trace(rules, packet, options);
                frontends.Add(Frontend(kind, address, port, packet, result));
            }
            var hash = b.ServiceChain.Length > 9 ? b.ServiceChain.Substring(9) : string.Empty;
            return new ServicePortExplanation
            {
                Name = b.Service,
                Protocol = ProtocolText(b.Protocol),
                ServiceChain = b.ServiceChain,
                Frontends = frontends.ToValueList(),
                AffinitySeconds = Affinity(natChains, b.ServiceChain),
                ExternalTrafficPolicy = hash.Length > 0 && nat is not null && IsLocalPolicy(natChains, hash) ? "Local" : "Cluster",
                HasNoEndpoints = b.NoEndpoints,
            };
        }
        var pieces = (order.Count + PortsPerPiece - 1) / PortsPerPiece;
        if (pieces < 4 || (maxDegreeOfParallelism ?? Environment.ProcessorCount) < 2) ExplainPorts(0, order.Count);
        else NatDsl.Threading.PieceWork.Run(pieces, maxDegreeOfParallelism, piece => ExplainPorts(piece * PortsPerPiece, Math.Min(order.Count, (piece + 1) * PortsPerPiece)));
        return new Explanation(ValueList<ServicePortExplanation>.Own(services), Foreign(rules).ToValueList());
    }

    private sealed class PortBuilder
    {
        public PortBuilder(string service, int protocol)
        {
            Service = service;
            Protocol = protocol;
        }

        public string Service { get; }

        public int Protocol { get; }

        public string ServiceChain { get; set; } = string.Empty;

        public bool NoEndpoints { get; set; }

        public List<(string Kind, IpAddress? Address, int Port)> Frontends { get; } = new List<(string, IpAddress?, int)>();
    }

    private static bool TryService(Rule rule, out string service, out string kind)
    {
        service = string.Empty;
        kind = string.Empty;
        foreach (var match in rule.Matches)
        {
            if (match is CommentMatch comment && ServiceComment.TryRead(comment.Text, out service, out kind)) return true;
        }
        return false;
    }

    private static int DestinationPort(Rule rule)
    {
        foreach (var match in rule.Matches)
        {
            switch (match)
            {
                case TcpMatch { DestinationPort: { } p }: return p.Value.First;
                case UdpMatch { DestinationPort: { } p }: return p.Value.First;
                case SctpMatch { DestinationPort: { } p }: return p.Value.First;
                case MultiportMatch { Direction: MultiportDirection.Destination } m when m.Ports.Count > 0: return m.Ports[0].First;
            }
        }
        return 0;
    }

    private static ServiceFrontend Frontend(string kind, IpAddress? address, int port, Packet packet, TraceResult result)
    {
        var shares = new List<EndpointShare>();
        var notes = new List<string>();
        var masq = new HashSet<bool>();
        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Verdict is TraceVerdict.Forwarded or TraceVerdict.DeliveredLocally &&
                (outcome.Destination != packet.Destination || outcome.DestinationPort != packet.DestinationPort))
            {
                var sep = outcome.Path.LastOrDefault(s => s.Chain.StartsWith("KUBE-SEP-", StringComparison.Ordinal))?.Chain ?? string.Empty;
                var existing = shares.FindIndex(s => s.Address == outcome.Destination && s.Port == outcome.DestinationPort && s.Chain == sep);
                if (existing >= 0)
                {
                    shares[existing] = shares[existing] with { Probability = shares[existing].Probability + outcome.Probability };
                }
                else
                {
                    shares.Add(new EndpointShare(outcome.Destination, outcome.DestinationPort, outcome.Probability, sep));
                }
                masq.Add(outcome.Masqueraded);
                continue;
            }
            var what = outcome.Verdict switch
            {
                TraceVerdict.Dropped => "dropped",
                TraceVerdict.Rejected => "rejected",
                TraceVerdict.Undetermined => "undetermined",
                _ => "not translated",
            };
            notes.Add(outcome.Probability.ToPercent(2) + " " + what + (outcome.Reason.Length > 0 ? " (" + outcome.Reason + ")" : string.Empty));
        }
        return new ServiceFrontend(kind, address, port, shares.ToValueList(), masq.Count == 1 ? masq.First() : null, string.Join("; ", notes));
    }

    private static uint? Affinity(Dictionary<string, Chain> nat, string serviceChain)
    {
        if (!nat.TryGetValue(serviceChain, out var chain)) return null;
        foreach (var rule in chain.Rules)
        {
            foreach (var match in rule.Matches)
            {
                if (match is RecentMatch { Command: RecentCommand.Check } recent) return recent.Seconds;
            }
        }
        return null;
    }

    private static bool IsLocalPolicy(Dictionary<string, Chain> nat, string hash)
    {
        if (nat.ContainsKey("KUBE-XLB-" + hash)) return true;
        return nat.TryGetValue("KUBE-EXT-" + hash, out var ext) && ext.Rules.Any(r => r.Target is JumpTarget { Chain: var c } && c == "KUBE-SVL-" + hash);
    }

    private static string ProtocolText(int protocol) => protocol switch
    {
        6 => "tcp",
        17 => "udp",
        132 => "sctp",
        0 => "all",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IEnumerable<ForeignRules> Foreign(RuleSet rules)
    {
        foreach (var table in rules.Tables)
        {
            foreach (var chain in table.Chains)
            {
                if (chain.IsBuiltin)
                {
                    var foreign = chain.Rules.Where(r => !(r.Target is JumpTarget j && j.Chain.StartsWith("KUBE-", StringComparison.Ordinal))).ToList();
                    if (foreign.Count > 0) yield return ForeignRuleClassifier.Describe(table, chain, foreign);
                }
                else if (!chain.Name.StartsWith("KUBE-", StringComparison.Ordinal))
                {
                    yield return ForeignRuleClassifier.Describe(table, chain, chain.Rules);
                }
            }
        }
    }
}
