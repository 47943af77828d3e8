using NatDsl.Model;
using static NatDsl.KubeProxy.RuleParts;

namespace NatDsl.KubeProxy;

/// <summary>
/// Writes the rules of one service port from its <see cref="ServicePortPlan"/>, in kube-proxy's
/// order. The destination rules take the shape of the profile's <see cref="LocalPolicyStyle"/>;
/// the endpoint rules are shared.
/// </summary>
internal sealed class ServiceRuleWriter
{
    private readonly EmitContext _cx;
    private readonly ServicePortPlan _p;

    public ServiceRuleWriter(EmitContext context, ServicePortPlan plan)
    {
        _cx = context;
        _p = plan;
    }

    private string N => _p.ServicePortName;

    public void Write()
    {
        if (_cx.Rules.LocalPolicy == LocalPolicyStyle.ExternalChain) WriteWithExternalChain();
        else WriteWithExternalLoadBalancerChain();
    }

    // ---- Current: KUBE-EXT / KUBE-SVL / KUBE-PROXY-FIREWALL -------------------------------

    private void WriteWithExternalChain()
    {
        var p = _p;
        var nat = _cx.Nat;
        var filter = _cx.Filter;

        if (p.UsesExternalChain) nat.Declare(p.ExternalChain);
        if (p.UsesFirewallChain) nat.Declare(p.FirewallChain);
        if (p.UsesClusterChain) nat.Declare(p.ClusterChain);
        if (p.UsesLocalChain) nat.Declare(p.LocalChain);
        foreach (var e in p.ReachableEndpoints) nat.Declare(e.ChainName);

        Target internalTarget = VerdictTarget.Drop, externalTarget = VerdictTarget.Drop;
        string internalComment = ServiceComments.NoLocalEndpoints(N), externalComment = internalComment;
        if (!p.HasEndpoints)
        {
            internalTarget = externalTarget = Reject(_cx.Family);
            internalComment = externalComment = ServiceComments.NoEndpoints(N);
        }

        // Cluster IP.
        if (p.HasInternalEndpoints)
        {
            nat.Append(KubeChains.Services, ToServicePort(ServiceComments.ClusterIP(N), p.ClusterIP, Jump(p.InternalChain)));
        }
        else
        {
            filter.Append(KubeChains.Services, ToServicePort(internalComment, p.ClusterIP, internalTarget));
        }

        // External IPs.
        foreach (var ip in p.ExternalIPs)
        {
            if (p.HasEndpoints) nat.Append(KubeChains.Services, ToServicePort(ServiceComments.ExternalIP(N), ip, Jump(p.ExternalChain)));
            if (!p.HasExternalEndpoints) filter.Append(KubeChains.ExternalServices, ToServicePort(externalComment, ip, externalTarget));
        }

        // Load-balancer IPs.
        foreach (var ip in p.LoadBalancerIPs)
        {
            if (p.HasEndpoints)
            {
                var chain = p.UsesFirewallChain ? p.FirewallChain : p.ExternalChain;
                nat.Append(KubeChains.Services, ToServicePort(ServiceComments.LoadBalancerIP(N), ip, Jump(chain)));
            }
            if (p.UsesFirewallChain)
            {
                filter.Append(KubeChains.ProxyFirewall, ToServicePort(ServiceComments.NotAcceptedByFirewall(N, p.FirewallChain), ip, VerdictTarget.Drop));
            }
        }
        if (!p.HasExternalEndpoints)
        {
            foreach (var ip in p.LoadBalancerIPs) filter.Append(KubeChains.ExternalServices, ToServicePort(externalComment, ip, externalTarget));
        }

        // Node port.
        if (p.NodePort != 0)
        {
            if (p.HasEndpoints)
            {
                if (_cx.Plan.LocalhostNodePorts && _cx.Family == IpFamily.V4 && _cx.Plan.Nfacct)
                {
                    nat.Append(KubeChains.NodePorts, new Rule
                    {
                        Destination = Net(Loopback(IpFamily.V4)),
                        Protocol = Proto(p.Protocol),
                        Matches = Matches(Comment(N), PortMatch(p.Protocol, p.NodePort), new NfacctMatch("localhost_nps_accepted_pkts")),
                        Target = Jump(p.ExternalChain),
                    });
                }
                nat.Append(KubeChains.NodePorts, new Rule
                {
                    Protocol = Proto(p.Protocol),
                    Matches = Matches(Comment(N), PortMatch(p.Protocol, p.NodePort)),
                    Target = Jump(p.ExternalChain),
                });
            }
            if (!p.HasExternalEndpoints)
            {
                filter.Append(KubeChains.ExternalServices, new Rule
                {
                    Protocol = Proto(p.Protocol),
                    Matches = Matches(Comment(externalComment), DestinationLocal(), PortMatch(p.Protocol, p.NodePort)),
                    Target = externalTarget,
                });
            }
        }

        // Health-check node port (always TCP).
        if (p.HealthCheckNodePort != 0)
        {
            filter.Append(KubeChains.NodePorts, new Rule
            {
                Protocol = Proto(Spec.Protocol.Tcp),
                Matches = Matches(Comment(ServiceComments.HealthCheckNodePort(N)), PortMatch(Spec.Protocol.Tcp, p.HealthCheckNodePort)),
                Target = VerdictTarget.Accept,
            });
        }

        // Masquerading of cluster-IP traffic, first rule of the internal chain.
        if (p.HasInternalEndpoints)
        {
            var masq = ToServicePort(ServiceComments.ClusterIP(N), p.ClusterIP, Jump(KubeChains.MarkMasq));
            if (_cx.Plan.MasqueradeAll) nat.Append(p.InternalChain, masq);
            else if (_cx.Plan.LocalTrafficCidr is IpNetwork cidr) nat.Append(p.InternalChain, masq with { Source = Net(cidr, inverted: true) });
        }

        // External destinations.
        if (p.UsesExternalChain)
        {
            if (!p.ExternalPolicyLocal)
            {
                nat.Append(p.ExternalChain, new Rule { Matches = Matches(Comment(ServiceComments.MasqueradeExternal(N))), Target = Jump(KubeChains.MarkMasq) });
            }
            else
            {
                if (_cx.Plan.LocalTrafficCidr is IpNetwork cidr)
                {
                    nat.Append(p.ExternalChain, new Rule { Source = Net(cidr), Matches = Matches(Comment(ServiceComments.PodTrafficExternal(N))), Target = Jump(p.ClusterChain) });
                }
                nat.Append(p.ExternalChain, new Rule { Matches = Matches(Comment(ServiceComments.MasqueradeLocalExternal(N)), SourceLocal()), Target = Jump(KubeChains.MarkMasq) });
                nat.Append(p.ExternalChain, new Rule { Matches = Matches(Comment(ServiceComments.RouteLocalExternal(N)), SourceLocal()), Target = Jump(p.ClusterChain) });
            }
            if (p.HasExternalEndpoints) nat.Append(p.ExternalChain, new Rule { Target = Jump(p.ExternalPolicyChain) });
        }

        // Load-balancer source ranges.
        if (p.UsesFirewallChain)
        {
            var lb = Comment(ServiceComments.LoadBalancerIP(N));
            foreach (var range in p.SourceRanges) nat.Append(p.FirewallChain, new Rule { Source = Net(range), Matches = Matches(lb), Target = Jump(p.ExternalChain) });
            if (p.AllowFromNode)
            {
                foreach (var ip in p.LoadBalancerIPs) nat.Append(p.FirewallChain, new Rule { Source = Host(ip), Matches = Matches(lb), Target = Jump(p.ExternalChain) });
            }
            nat.Append(p.FirewallChain, new Rule { Matches = Matches(Comment(ServiceComments.OtherTrafficDropped(N))) });
        }

        if (p.UsesClusterChain) WriteServiceToEndpoints(p.ClusterChain, p.ClusterEndpoints);
        if (p.UsesLocalChain) WriteServiceToEndpoints(p.LocalChain, p.LocalEndpoints);
        foreach (var e in p.ReachableEndpoints) WriteEndpointChain(e);
    }

    // ---- v1.12–1.16: KUBE-XLB / KUBE-FW with KUBE-MARK-DROP --------------------------------

    private void WriteWithExternalLoadBalancerChain()
    {
        var p = _p;
        var nat = _cx.Nat;
        var filter = _cx.Filter;
        var onlyLocal = p.ExternalPolicyLocal;

        if (p.HasEndpoints) nat.Declare(p.ClusterChain);
        if (onlyLocal) nat.Declare(p.LocalChain);

        // Cluster IP, with the masquerade rule in KUBE-SERVICES.
        if (p.HasEndpoints)
        {
            if (_cx.Plan.MasqueradeAll)
            {
                nat.Append(KubeChains.Services, ToServicePort(ServiceComments.ClusterIP(N), p.ClusterIP, Jump(KubeChains.MarkMasq)));
            }
            else if (_cx.Plan.LocalTrafficCidr is IpNetwork cidr)
            {
                nat.Append(KubeChains.Services, ToServicePort(ServiceComments.ClusterIP(N), p.ClusterIP, Jump(KubeChains.MarkMasq)) with { Source = Net(cidr, inverted: true) });
            }
            nat.Append(KubeChains.Services, ToServicePort(ServiceComments.ClusterIP(N), p.ClusterIP, Jump(p.ClusterChain)));
        }
        else
        {
            filter.Append(KubeChains.Services, ToServicePort(ServiceComments.NoEndpoints(N), p.ClusterIP, Reject(_cx.Family)));
        }

        // External IPs: masquerade, then off-machine traffic and traffic to a local address go to KUBE-SVC.
        foreach (var ip in p.ExternalIPs)
        {
            if (p.HasEndpoints)
            {
                var args = ToServicePort(ServiceComments.ExternalIP(N), ip, Jump(KubeChains.MarkMasq));
                nat.Append(KubeChains.Services, args);
                nat.Append(KubeChains.Services, args with
                {
                    Matches = args.Matches.Add(new PhysdevMatch { IsIn = new Negatable<bool>(true, Inverted: true) }).Add(SourceLocal(inverted: true)),
                    Target = Jump(p.ClusterChain),
                });
                nat.Append(KubeChains.Services, args with { Matches = args.Matches.Add(DestinationLocal()), Target = Jump(p.ClusterChain) });
            }
            else
            {
                filter.Append(KubeChains.ExternalServices, ToServicePort(ServiceComments.NoEndpoints(N), ip, Reject(_cx.Family)));
            }
        }

        // Load-balancer IPs through KUBE-FW (one pass per ingress IP, as kube-proxy wrote them).
        foreach (var ip in p.LoadBalancerIPs)
        {
            if (!p.HasEndpoints)
            {
                filter.Append(KubeChains.Services, ToServicePort(ServiceComments.NoEndpoints(N), ip, Reject(_cx.Family)));
                continue;
            }
            nat.Declare(p.FirewallChain);
            nat.Append(KubeChains.Services, ToServicePort(ServiceComments.LoadBalancerIP(N), ip, Jump(p.FirewallChain)));
            var lb = Matches(Comment(ServiceComments.LoadBalancerIP(N)));
            var chosen = onlyLocal ? p.LocalChain : p.ClusterChain;
            if (!onlyLocal) nat.Append(p.FirewallChain, new Rule { Matches = lb, Target = Jump(KubeChains.MarkMasq) });
            if (p.SourceRanges.Count == 0)
            {
                nat.Append(p.FirewallChain, new Rule { Matches = lb, Target = Jump(chosen) });
            }
            else
            {
                foreach (var range in p.SourceRanges) nat.Append(p.FirewallChain, new Rule { Source = Net(range), Matches = lb, Target = Jump(chosen) });
                if (p.AllowFromNode) nat.Append(p.FirewallChain, new Rule { Source = Host(ip), Matches = lb, Target = Jump(chosen) });
            }
            nat.Append(p.FirewallChain, new Rule { Matches = lb, Target = Jump(KubeChains.MarkDrop) });
        }

        // Node port.
        if (p.NodePort != 0)
        {
            if (p.HasEndpoints)
            {
                var np = new Rule { Protocol = Proto(p.Protocol), Matches = Matches(Comment(N), PortMatch(p.Protocol, p.NodePort)) };
                if (!onlyLocal)
                {
                    nat.Append(KubeChains.NodePorts, np with { Target = Jump(KubeChains.MarkMasq) });
                    nat.Append(KubeChains.NodePorts, np with { Target = Jump(p.ClusterChain) });
                }
                else
                {
                    nat.Append(KubeChains.NodePorts, np with { Source = Net(Loopback(_cx.Family)), Target = Jump(KubeChains.MarkMasq) });
                    nat.Append(KubeChains.NodePorts, np with { Target = Jump(p.LocalChain) });
                }
            }
            else
            {
                filter.Append(KubeChains.ExternalServices, new Rule
                {
                    Protocol = Proto(p.Protocol),
                    Matches = Matches(Comment(ServiceComments.NoEndpoints(N)), DestinationLocal(), PortMatch(p.Protocol, p.NodePort)),
                    Target = Reject(_cx.Family),
                });
            }
        }

        if (!p.HasEndpoints) return;

        foreach (var e in p.ReachableEndpoints) nat.Declare(e.ChainName);
        WriteServiceToEndpoints(p.ClusterChain, p.ClusterEndpoints);
        foreach (var e in p.ReachableEndpoints) WriteEndpointChain(e);

        if (!onlyLocal) return;
        if (_cx.Plan.LocalTrafficCidr is IpNetwork podCidr)
        {
            nat.Append(p.LocalChain, new Rule { Source = Net(podCidr), Matches = Matches(Comment(ServiceComments.RedirectToClusterIP)), Target = Jump(p.ClusterChain) });
        }
        if (p.LocalEndpoints.Count == 0)
        {
            nat.Append(p.LocalChain, new Rule { Matches = Matches(Comment(ServiceComments.NoLocalEndpoints(N))), Target = Jump(KubeChains.MarkDrop) });
            return;
        }
        if (p.AffinitySeconds is int seconds)
        {
            foreach (var e in p.LocalEndpoints)
            {
                nat.Append(p.LocalChain, new Rule { Matches = Matches(Comment(N), AffinityCheck(e, seconds)), Target = Jump(e.ChainName) });
            }
        }
        var count = p.LocalEndpoints.Count;
        for (var i = 0; i < count; i++)
        {
            var e = p.LocalEndpoints[i];
            var matches = Matches(Comment(ServiceComments.BalancingRule(i, N)));
            if (i < count - 1) matches = matches.Add(Probability.Match(count - i, _cx.Rules.ProbabilityDecimals));
            nat.Append(p.LocalChain, new Rule { Matches = matches, Target = Jump(e.ChainName) });
        }
    }

    // ---- shared ----------------------------------------------------------------------------

    /// <summary><c>-m comment --comment C -m P -p P -d IP --dport PORT -j T</c>.</summary>
    private Rule ToServicePort(string comment, IpAddress destination, Target target) => new Rule
    {
        Destination = Host(destination),
        Protocol = Proto(_p.Protocol),
        Matches = Matches(Comment(comment), PortMatch(_p.Protocol, _p.Port)),
        Target = target,
    };

    private Match? EndpointComment(EndpointPlan e)
    {
        if (!_cx.EndpointComments) return null;
        return Comment(_cx.Rules.EndpointInServiceComments ? ServiceComments.ToEndpoint(N, e.Endpoint) : N);
    }

    private RecentMatch AffinityCheck(EndpointPlan e, int seconds) => new RecentMatch
    {
        Command = RecentCommand.Check,
        Seconds = (uint)seconds,
        Reap = true,
        Name = e.ChainName,
        Mask = AllOnesMask(_cx.Family),
        Side = RecentSide.Source,
    };

    private void WriteServiceToEndpoints(string chain, ValueList<EndpointPlan> endpoints)
    {
        var nat = _cx.Nat;
        if (_p.AffinitySeconds is int seconds)
        {
            foreach (var e in endpoints)
            {
                nat.Append(chain, new Rule { Matches = With(EndpointComment(e), AffinityCheck(e, seconds)), Target = Jump(e.ChainName) });
            }
        }
        var count = endpoints.Count;
        for (var i = 0; i < count; i++)
        {
            var e = endpoints[i];
            var statistic = i < count - 1 ? Probability.Match(count - i, _cx.Rules.ProbabilityDecimals) : null;
            nat.Append(chain, new Rule { Matches = With(EndpointComment(e), statistic), Target = Jump(e.ChainName) });
        }
    }

    private void WriteEndpointChain(EndpointPlan e)
    {
        var nat = _cx.Nat;
        var comment = _cx.EndpointComments ? Comment(N) : null;
        nat.Append(e.ChainName, new Rule { Source = Host(e.Address), Matches = With(comment), Target = Jump(KubeChains.MarkMasq) });
        RecentMatch? set = _p.AffinitySeconds.HasValue
            ? new RecentMatch { Command = RecentCommand.Set, Name = e.ChainName, Mask = AllOnesMask(_cx.Family), Side = RecentSide.Source }
            : null;
        nat.Append(e.ChainName, new Rule
        {
            Protocol = Proto(_p.Protocol),
            Matches = comment is null && set is null ? PortlessMatchList(_p.Protocol) : With(comment, set, PortMatch(_p.Protocol, null)),
            Target = new DnatTarget(NatRange.To(e.Address, (ushort)e.Port)),
        });
    }

    private static ValueList<Match> With(Match? match) => match is null ? ValueList<Match>.Empty : ValueList<Match>.Own(new[] { match });

    private static ValueList<Match> With(Match? first, Match? second)
    {
        if (first is null) return With(second);
        return second is null ? ValueList<Match>.Own(new[] { first }) : ValueList<Match>.Own(new[] { first, second });
    }

    private static ValueList<Match> With(params Match?[] matches)
    {
        var count = 0;
        foreach (var m in matches)
        {
            if (m is not null) count++;
        }
        var list = new Match[count];
        count = 0;
        foreach (var m in matches)
        {
            if (m is not null) list[count++] = m;
        }
        return ValueList<Match>.Own(list);
    }
}
