using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// Reads kube-proxy's fixed chains (nat KUBE-SERVICES and KUBE-NODEPORTS; filter KUBE-SERVICES,
/// KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS, KUBE-PROXY-FIREWALL, KUBE-FORWARD) into one
/// <see cref="PortDraft"/> per service port, using the service comments and the jump targets;
/// keeps the order in which each chain shows the service ports.
/// </summary>
internal sealed class ServiceRuleReader
{
    private readonly Dictionary<string, PortDraft> _ports = new Dictionary<string, PortDraft>(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<string>> _sequences = new List<IReadOnlyList<string>>();
    private readonly KubeProxyProfile _profile;

    public ServiceRuleReader(KubeProxyProfile profile)
    {
        _profile = profile;
    }

    public ImportEvidence Evidence { get; } = new ImportEvidence();

    /// <summary>The drafts by key (<c>ns/name[:port]</c> + "/" + protocol).</summary>
    public IReadOnlyDictionary<string, PortDraft> Ports => _ports;

    /// <summary>Per chain read, the keys of the service ports in rule order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sequences => _sequences;

    public static string Key(string servicePortName, Protocol protocol) => servicePortName + "/" + protocol.ToString();

    public void Read(Table? nat, Table? filter)
    {
        if (nat is not null)
        {
            ReadNatServices(nat.FindChain(KubeChains.Services));
            ReadNatNodePorts(nat.FindChain(KubeChains.NodePorts));
        }
        if (filter is not null)
        {
            ReadFilterServices(filter.FindChain(KubeChains.Services));
            ReadFilterExternal(filter.FindChain(KubeChains.ExternalServices));
            ReadFilterNodePorts(filter.FindChain(KubeChains.NodePorts));
            ReadFilterFirewall(filter.FindChain(KubeChains.ProxyFirewall));
            ReadForward(filter.FindChain(KubeChains.Forward));
        }
    }

    private PortDraft Draft(string n, Protocol protocol, List<string> sequence)
    {
        var key = Key(n, protocol);
        if (!_ports.TryGetValue(key, out var draft))
        {
            draft = new PortDraft(n, ServiceCommentText.Split(n).Port, protocol);
            _ports.Add(key, draft);
        }
        if (sequence.Count == 0 || sequence[sequence.Count - 1] != key) sequence.Add(key);
        return draft;
    }

    private void ReadNatServices(Chain? chain)
    {
        if (chain is null) return;
        var sequence = new List<string>();
        for (var i = 0; i < chain.Rules.Count; i++)
        {
            var rule = chain.Rules[i];
            var comment = RuleFacts.Comment(rule);
            if (comment == ServiceComments.NodePortsTail && RuleFacts.Jump(rule) == KubeChains.NodePorts)
            {
                ReadTail(rule);
                continue;
            }
            var protocol = RuleFacts.Protocol(rule);
            var port = RuleFacts.DestinationPort(rule);
            var destination = RuleFacts.DestinationHost(rule);
            var jump = RuleFacts.Jump(rule);
            if (!ServiceCommentText.TryRead(comment, out var n, out var kind) || protocol is null || port == 0 || destination is null || jump is null)
            {
                Unrecognised("nat", chain.Name, i);
                continue;
            }
            var draft = Draft(n, protocol.Value, sequence);
            draft.Port = port;
            switch (kind)
            {
                case ServiceCommentText.ClusterIP:
                    draft.ClusterIP = destination;
                    if (jump == KubeChains.MarkMasq) MasqueradeRule(rule);
                    else if (jump.StartsWith(ChainHashing.ServicePrefix, StringComparison.Ordinal)) draft.ServiceChain = jump;
                    else if (jump.StartsWith(ChainHashing.LocalServicePrefix, StringComparison.Ordinal))
                    {
                        draft.LocalChain = jump;
                        draft.InternalLocal = true;
                    }
                    break;
                case ServiceCommentText.ExternalIP:
                    AddOnce(draft.ExternalIPs, destination.Value);
                    if (jump.StartsWith(ChainHashing.ExternalPrefix, StringComparison.Ordinal)) draft.ExternalChain = jump;
                    else if (jump.StartsWith(ChainHashing.ServicePrefix, StringComparison.Ordinal)) draft.ServiceChain ??= jump;
                    break;
                case ServiceCommentText.LoadBalancerIP:
                    AddOnce(draft.LoadBalancerIPs, destination.Value);
                    if (jump.StartsWith(ChainHashing.FirewallPrefix, StringComparison.Ordinal)) draft.FirewallChain = jump;
                    else if (jump.StartsWith(ChainHashing.ExternalPrefix, StringComparison.Ordinal)) draft.ExternalChain = jump;
                    break;
                default:
                    Unrecognised("nat", chain.Name, i);
                    break;
            }
        }
        _sequences.Add(sequence);
    }

    /// <summary>The V1_12 masquerade rule of KUBE-SERVICES: <c>! -s CIDR</c>, or no source for masquerade-all.</summary>
    private void MasqueradeRule(Rule rule)
    {
        if (rule.Source is { Inverted: true } source) Evidence.AddCidr(source.Value);
        else if (rule.Source is null) Evidence.MasqueradeAll = true;
    }

    private void ReadTail(Rule rule)
    {
        if (RuleFacts.DestinationHost(rule) is { } address)
        {
            Evidence.NodePortAddresses.Add(address);
            return;
        }
        if (rule.Destination is { Inverted: true } excluded && excluded.Value == IpNetwork.Parse("127.0.0.0/8")) Evidence.LocalhostNodePortsOff = true;
    }

    private void ReadNatNodePorts(Chain? chain)
    {
        if (chain is null) return;
        var sequence = new List<string>();
        for (var i = 0; i < chain.Rules.Count; i++)
        {
            var rule = chain.Rules[i];
            var protocol = RuleFacts.Protocol(rule);
            var port = RuleFacts.DestinationPort(rule);
            var jump = RuleFacts.Jump(rule);
            if (!ServiceCommentText.TryRead(RuleFacts.Comment(rule), out var n, out var kind) || kind.Length != 0 || protocol is null || port == 0 || jump is null)
            {
                Unrecognised("nat", chain.Name, i);
                continue;
            }
            var draft = Draft(n, protocol.Value, sequence);
            draft.NodePort = port;
            if (jump == KubeChains.MarkMasq)
            {
                if (rule.Source is { Inverted: false } loopback && loopback.Value.Address.ToString().StartsWith("127.", StringComparison.Ordinal)) draft.ExternalLocal = true;
            }
            else if (jump.StartsWith(ChainHashing.ServicePrefix, StringComparison.Ordinal))
            {
                draft.ServiceChain ??= jump;
            }
            else if (jump.StartsWith(ChainHashing.ExternalLocalPrefix, StringComparison.Ordinal))
            {
                draft.LocalChain = jump;
                draft.ExternalLocal = true;
            }
            else if (jump.StartsWith(ChainHashing.ExternalPrefix, StringComparison.Ordinal))
            {
                draft.ExternalChain = jump;
                if (RuleFacts.Has<NfacctMatch>(rule)) Evidence.LocalhostNfacctRule = true;
            }
            else
            {
                Unrecognised("nat", chain.Name, i);
            }
        }
        _sequences.Add(sequence);
    }

    private void ReadFilterServices(Chain? chain)
    {
        if (chain is null) return;
        var sequence = new List<string>();
        for (var i = 0; i < chain.Rules.Count; i++)
        {
            var rule = chain.Rules[i];
            var protocol = RuleFacts.Protocol(rule);
            var port = RuleFacts.DestinationPort(rule);
            var destination = RuleFacts.DestinationHost(rule);
            if (!ServiceCommentText.TryRead(RuleFacts.Comment(rule), out var n, out var kind) || protocol is null || port == 0 || destination is null
                || (kind != ServiceCommentText.NoEndpoints && kind != ServiceCommentText.NoLocalEndpoints))
            {
                Unrecognised("filter", chain.Name, i);
                continue;
            }
            var draft = Draft(n, protocol.Value, sequence);
            draft.Port = port;
            if (kind == ServiceCommentText.NoLocalEndpoints)
            {
                draft.ClusterIP = destination;
                draft.InternalLocal = true;
                continue;
            }
            draft.NoEndpoints = true;
            if (draft.ClusterIP is null || draft.ClusterIP == destination) draft.ClusterIP = destination;
            else AddOnce(draft.LoadBalancerIPs, destination.Value);
        }
        _sequences.Add(sequence);
    }

    private void ReadFilterExternal(Chain? chain)
    {
        if (chain is null) return;
        var sequence = new List<string>();
        for (var i = 0; i < chain.Rules.Count; i++)
        {
            var rule = chain.Rules[i];
            var protocol = RuleFacts.Protocol(rule);
            var port = RuleFacts.DestinationPort(rule);
            if (!ServiceCommentText.TryRead(RuleFacts.Comment(rule), out var n, out var kind) || protocol is null || port == 0
                || (kind != ServiceCommentText.NoEndpoints && kind != ServiceCommentText.NoLocalEndpoints))
            {
                Unrecognised("filter", chain.Name, i);
                continue;
            }
            var draft = Draft(n, protocol.Value, sequence);
            if (kind == ServiceCommentText.NoLocalEndpoints) draft.ExternalLocal = true;
            else draft.NoEndpoints = true;
            if (RuleFacts.DestinationHost(rule) is { } address)
            {
                draft.Port = port;
                if (draft.ExternalIPs.Contains(address) || draft.LoadBalancerIPs.Contains(address)) continue;
                draft.ExternalIPs.Add(address);
                if (_profile == KubeProxyProfile.Current && kind == ServiceCommentText.NoEndpoints) draft.AmbiguousExternalAddresses = true;
            }
            else if (rule.Destination is null && RuleFacts.Has<AddrTypeMatch>(rule))
            {
                draft.NodePort = port;
            }
            else
            {
                Unrecognised("filter", chain.Name, i);
            }
        }
        _sequences.Add(sequence);
    }

    private void ReadFilterNodePorts(Chain? chain)
    {
        if (chain is null) return;
        var sequence = new List<string>();
        for (var i = 0; i < chain.Rules.Count; i++)
        {
            var rule = chain.Rules[i];
            var port = RuleFacts.DestinationPort(rule);
            if (!ServiceCommentText.TryRead(RuleFacts.Comment(rule), out var n, out var kind) || kind != ServiceCommentText.HealthCheck || port == 0)
            {
                Unrecognised("filter", chain.Name, i);
                continue;
            }
            // The health-check rule is always tcp; it belongs to the service, whatever the port's protocol.
            PortDraft? draft = null;
            foreach (var candidate in _ports.Values)
            {
                if (candidate.ServicePortName == n)
                {
                    draft = candidate;
                    break;
                }
            }
            draft ??= Draft(n, Protocol.Tcp, sequence);
            HealthCheckNodePorts[n] = port;
            draft.ExternalLocal = true;
        }
        _sequences.Add(sequence);
    }

    /// <summary>Health-check node ports by service port name.</summary>
    public Dictionary<string, int> HealthCheckNodePorts { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    private void ReadFilterFirewall(Chain? chain)
    {
        if (chain is null) return;
        var sequence = new List<string>();
        for (var i = 0; i < chain.Rules.Count; i++)
        {
            var rule = chain.Rules[i];
            var protocol = RuleFacts.Protocol(rule);
            var port = RuleFacts.DestinationPort(rule);
            var destination = RuleFacts.DestinationHost(rule);
            if (!ServiceCommentText.TryRead(RuleFacts.Comment(rule), out var n, out var kind) || kind != ServiceCommentText.NotAccepted
                || protocol is null || port == 0 || destination is null)
            {
                Unrecognised("filter", chain.Name, i);
                continue;
            }
            var draft = Draft(n, protocol.Value, sequence);
            draft.Port = port;
            AddOnce(draft.LoadBalancerIPs, destination.Value);
            draft.ExternalIPs.Remove(destination.Value);
        }
        _sequences.Add(sequence);
    }

    private void ReadForward(Chain? chain)
    {
        if (chain is null) return;
        var invalid = false;
        var nfacct = false;
        foreach (var rule in chain.Rules)
        {
            if (rule.Target is VerdictTarget { Verdict: Verdict.Drop } && RuleFacts.First<ConntrackMatch>(rule) is { State: { Inverted: false } state }
                && state.Value == ConntrackStates.Invalid)
            {
                invalid = true;
                nfacct = RuleFacts.Has<NfacctMatch>(rule);
            }
            if (RuleFacts.Comment(rule) == ServiceComments.ForwardingConntrackPodSource && rule.Source is { Inverted: false } source) Evidence.AddCidr(source.Value);
        }
        Evidence.ForwardInvalidDrop = (invalid, nfacct);
    }

    private void Unrecognised(string table, string chain, int index) =>
        Evidence.Unrecognised.Add(table + " " + chain + " rule " + (index + 1).ToString(CultureInfo.InvariantCulture));

    private static void AddOnce(List<IpAddress> list, IpAddress address)
    {
        if (!list.Contains(address)) list.Add(address);
    }
}
