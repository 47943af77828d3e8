using System;
using System.Collections.Generic;
using NatDsl.Cli.Generation;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// Recovers a cluster declaration from a kube-proxy dump: the profile (<see cref="ProfileDetector"/>),
/// the services (<see cref="ServiceRuleReader"/>, <see cref="ServiceChainWalker"/>,
/// <see cref="ServiceAssembler"/>), kube-proxy's node settings, flannel's and ip-masq-agent's
/// masquerade rules, and notes on everything a dump cannot tell.
/// </summary>
internal static class DumpImporter
{
    /// <summary>The node name given to endpoints the rules show on this node (the real name is not in the rules).</summary>
    public const string LocalNodeName = "local-node";

    public static ImportedCluster Import(LoadedDump loaded, KubeProxyProfile? profile)
    {
        var dump = loaded.RuleSet;
        var detection = ProfileDetector.Detect(dump);
        var cluster = new ImportedCluster
        {
            Profile = profile ?? detection.Profile,
            Family = dump.Family,
            WholeTables = !GoldenComparison.IsRestoreScript(loaded),
        };
        if (profile is null) cluster.ProfileEvidence.AddRange(detection.Evidence);
        else cluster.ProfileEvidence.Add("chosen with --profile" + (profile != detection.Profile ? " (the dump looks like " + ServiceAssembler.ProfileName(detection.Profile) + ")" : string.Empty));

        var nat = dump.FindTable("nat");
        var filter = dump.FindTable("filter");
        var reader = new ServiceRuleReader(cluster.Profile);
        reader.Read(nat, filter);
        if (nat is not null)
        {
            foreach (var draft in reader.Ports.Values) ServiceChainWalker.Walk(nat, draft, reader.Evidence);
        }
        ServiceAssembler.Assemble(cluster, nat, reader);
        Settings(cluster, nat, filter, reader.Evidence);
        Masquerade(cluster, nat);
        Notes(cluster, dump, reader.Evidence);
        return cluster;
    }

    private static void Settings(ImportedCluster cluster, Table? nat, Table? filter, ImportEvidence evidence)
    {
        if (evidence.ClusterCidrs.Count > 0)
        {
            cluster.ClusterCidr = evidence.ClusterCidrs[0].ToString();
            if (evidence.ClusterCidrs.Count > 1) cluster.Notes.Add("Several pod CIDRs in the masquerade rules (" + string.Join(", ", evidence.ClusterCidrs) + "): the first is the cluster CIDR.");
        }
        cluster.MasqueradeAll = evidence.MasqueradeAll;

        if (nat?.FindChain(KubeChains.MarkMasq) is { } markMasq)
        {
            foreach (var rule in markMasq.Rules)
            {
                if (rule.Target is MarkTarget mark && mark.Value == mark.Mask && mark.Value != 0 && (mark.Value & (mark.Value - 1)) == 0)
                {
                    var bit = 0;
                    while ((1u << bit) != mark.Value) bit++;
                    cluster.MasqueradeBit = bit;
                }
            }
        }

        var randomFully = (bool?)null;
        foreach (var rule in nat?.FindChain(KubeChains.Postrouting)?.Rules ?? ValueList<Rule>.Empty)
        {
            if (rule.Target is MasqueradeTarget masquerade) randomFully = masquerade.RandomFully;
        }
        if (randomFully is null)
        {
            foreach (var rule in nat?.FindChain("POSTROUTING")?.Rules ?? ValueList<Rule>.Empty)
            {
                if (rule.Target is MasqueradeTarget masquerade) randomFully ??= masquerade.RandomFully;
            }
        }
        cluster.RandomFully = randomFully ?? true;

        // Node port addresses: one nodeport tail rule per node address instead of "dst-type LOCAL".
        foreach (var address in evidence.NodePortAddresses)
        {
            var loopback = address.Family == IpFamily.V4 ? address.ToString().StartsWith("127.", StringComparison.Ordinal) : address == IpAddress.Parse("::1");
            if (!loopback && !cluster.NodeIPs.Contains(address.ToString())) cluster.NodeIPs.Add(address.ToString());
            cluster.NodePortAddresses.Add(IpNetwork.Host(address).ToString());
        }
        foreach (var service in cluster.Services)
        {
            if (!service.AllowFromNode) continue;
            if (cluster.NodeIPs.Count > 0 && Contains(service.SourceRanges, cluster.NodeIPs[0])) continue;
            var range = IpNetwork.Parse(service.SourceRanges[0]);
            cluster.NodeIPs.Insert(0, range.Address.ToString());
            cluster.Notes.Add("The node IP is not in the rules: " + range.Address + " (inside a source range of " + service.FullName + ", whose firewall lets the node through) is declared as the primary node IP.");
        }

        var profile = cluster.Profile;
        if (profile == KubeProxyProfile.Current)
        {
            if (cluster.Family == IpFamily.V4 && evidence.LocalhostNodePortsOff) cluster.LocalhostNodePorts = false;
            if (evidence.ForwardInvalidDrop is { } drop)
            {
                if (!drop.Present) cluster.ConntrackTcpBeLiberal = true;
                else cluster.Nfacct = drop.Nfacct;
            }
            else if (!evidence.LocalhostNfacctRule && cluster.Family == IpFamily.V4 && cluster.LocalhostNodePorts && cluster.NodePortAddresses.Count == 0 && HasNatNodePorts(nat))
            {
                cluster.Nfacct = false;
            }
        }

        int low = int.MaxValue, high = 0;
        foreach (var service in cluster.Services)
        {
            foreach (var port in service.Ports)
            {
                if (port.NodePort == 0) continue;
                low = Math.Min(low, port.NodePort);
                high = Math.Max(high, port.NodePort);
            }
        }
        if (high > 0 && (low < 30000 || high > 32767)) cluster.NodePortRange = PortRange.Of(Math.Min(low, 30000), Math.Max(high, 32767));

        if (cluster.WholeTables)
        {
            cluster.KubeletChains = profile == KubeProxyProfile.V1_12
                ? nat?.FindChain(KubeChains.MarkDrop) is not null || filter?.FindChain(KubeChains.Firewall) is not null
                : nat?.FindChain(KubeChains.KubeletCanary) is not null || filter?.FindChain(KubeChains.KubeletCanary) is not null;
        }

        foreach (var service in cluster.Services)
        {
            foreach (var endpoint in service.Endpoints)
            {
                if (endpoint.Node is not null) cluster.NodeName = LocalNodeName;
            }
        }
    }

    private static bool HasNatNodePorts(Table? nat) => nat?.FindChain(KubeChains.NodePorts) is { Rules.Count: > 0 };

    private static bool Contains(List<string> ranges, string address)
    {
        var ip = IpAddress.Parse(address);
        foreach (var range in ranges)
        {
            if (IpNetwork.Parse(range).Contains(ip)) return true;
        }
        return false;
    }

    /// <summary>flannel's <c>--ip-masq</c> rules in nat POSTROUTING, and ip-masq-agent's chain.</summary>
    private static void Masquerade(ImportedCluster cluster, Table? nat)
    {
        var rules = nat?.FindChain("POSTROUTING")?.Rules ?? ValueList<Rule>.Empty;
        var multicast = cluster.Family == IpFamily.V6 ? IpNetwork.Parse("ff00::/8") : IpNetwork.Parse("224.0.0.0/4");
        foreach (var first in rules)
        {
            if (first.Target is not VerdictTarget { Verdict: Verdict.Return } || first.Source is not { Inverted: false } s || first.Destination is not { Inverted: false } d || s.Value != d.Value) continue;
            var network = s.Value;
            var outbound = false;
            var inbound = false;
            IpNetwork? subnet = null;
            foreach (var rule in rules)
            {
                if (rule.Target is MasqueradeTarget && rule.Source == new Negatable<IpNetwork>(network) && rule.Destination == new Negatable<IpNetwork>(multicast, true)) outbound = true;
                if (rule.Target is MasqueradeTarget && rule.Source == new Negatable<IpNetwork>(network, true) && rule.Destination == new Negatable<IpNetwork>(network)) inbound = true;
                if (rule.Target is VerdictTarget { Verdict: Verdict.Return } && rule.Source == new Negatable<IpNetwork>(network, true) && rule.Destination is { Inverted: false } lease) subnet = lease.Value;
            }
            if (!outbound || !inbound) continue;
            cluster.PodNetwork = network.ToString();
            cluster.NodeSubnet = subnet?.ToString();
            break;
        }

        if (nat?.FindChain(KubeChains.IpMasqAgent) is { } agent)
        {
            var linkLocal = cluster.Family == IpFamily.V6 ? IpNetwork.Parse("fe80::/10") : IpNetwork.Parse("169.254.0.0/16");
            var cidrs = new List<string>();
            foreach (var rule in agent.Rules)
            {
                if (rule.Target is VerdictTarget { Verdict: Verdict.Return } && rule.Destination is { Inverted: false } d && d.Value != linkLocal) cidrs.Add(d.Value.ToString());
            }
            cluster.NonMasqueradeCidrs = cidrs;
        }
    }

    private static void Notes(ImportedCluster cluster, RuleSet dump, ImportEvidence evidence)
    {
        var notes = new List<string>
        {
            cluster.Profile == KubeProxyProfile.V1_12
                ? "Service order: as the rules list them; kube-proxy 1.12-1.16 wrote services in Go map order, so any order is as real."
                : "Service order: as the rules list them; kube-proxy writes services in map order, so any order is as real.",
            "Target ports are not in the rules: ports are declared without targetPort, and each endpoint carries the port its DNAT rule names.",
            "Endpoints: only those the rules reach, all ready; not-ready endpoints leave no rule" +
                (cluster.Profile == KubeProxyProfile.Current ? ", and a terminating endpoint still in use looks like a ready one." : "."),
        };
        if (cluster.NodeName is not null) notes.Add("Node names are not in the rules: endpoints on this node are marked Node(\"" + LocalNodeName + "\"), the others have none.");
        if (cluster.Services.Exists(s => s.LoadBalancerIPs.Count > 0)) notes.Add("Load-balancer ingress IPs with ipMode Proxy leave no rule and cannot be recovered.");
        if (evidence.Unrecognised.Count > 0) notes.Add("Not kube-proxy's and not reproduced: " + string.Join(", ", evidence.Unrecognised) + ".");
        cluster.Notes.InsertRange(0, notes);
    }
}
