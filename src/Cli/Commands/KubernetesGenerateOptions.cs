using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using NatDsl.Cli.Generation;
using NatDsl.Cli.Kubernetes;
using NatDsl.Cli.Presentation;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;

namespace NatDsl.Cli.Commands;

/// <summary>
/// The options of <c>natdsl generate --from-kubernetes</c>: the objects file and the node
/// settings kube-proxy takes as flags, named and defaulted like kube-proxy's own.
/// </summary>
public sealed class KubernetesGenerateOptions
{
    /// <summary><c>--from-kubernetes FILE|-</c>.</summary>
    public Option<string?> From { get; } = new Option<string?>("--from-kubernetes")
    {
        Description = "Read Services and EndpointSlices as printed by 'kubectl get services,endpointslices -A -o yaml' (or -o json, or multi-document YAML); '-' reads standard input.",
    };

    private readonly Option<string> _profile = new(KubeProxyFlags.ProfileFlag) { Description = "Rule shape: current (default) or v1.12 (kube-proxy 1.12–1.16).", DefaultValueFactory = _ => "current" };
    private readonly Option<string?> _hostname = new(KubeProxyFlags.HostnameOverrideFlag) { Description = "The node's name (decides which endpoints are local)." };
    private readonly Option<string[]> _nodeIps = new(KubeProxyFlags.NodeIPFlag) { Description = "A node address (repeatable; the first is the primary node IP).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _clusterCidr = new(KubeProxyFlags.ClusterCidrFlag) { Description = "The cluster CIDR for local-traffic detection (none when absent)." };
    private readonly Option<bool> _masqueradeAll = new(KubeProxyFlags.MasqueradeAllFlag) { Description = "Masquerade all traffic sent to cluster IPs." };
    private readonly Option<int> _masqueradeBit = new(KubeProxyFlags.MasqueradeBitFlag) { Description = "The fwmark bit for masquerading (default 14).", DefaultValueFactory = _ => 14 };
    private readonly Option<string[]> _nodePortAddresses = new(KubeProxyFlags.NodePortAddressesFlag) { Description = "CIDRs (comma-separated or repeated) whose addresses accept NodePorts; default all.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _localhostNodePorts = new(KubeProxyFlags.LocalhostNodePortsFlag) { Description = "Accept NodePorts on 127.0.0.1 (default true).", DefaultValueFactory = _ => true };
    private readonly Option<bool> _randomFully = new(KubeProxyFlags.RandomFullyFlag) { Description = "Whether iptables supports MASQUERADE --random-fully (default true).", DefaultValueFactory = _ => true };
    private readonly Option<bool> _liberal = new(KubeProxyFlags.ConntrackTcpBeLiberalFlag) { Description = "conntrack is TCP-liberal (no INVALID drop rule)." };
    private readonly Option<bool> _nfacct = new(KubeProxyFlags.NfacctFlag) { Description = "Whether the kernel has nfacct counters (default true).", DefaultValueFactory = _ => true };
    private readonly Option<string> _family = new(KubeProxyFlags.IPFamilyFlag) { Description = "4 (default) or 6; dual-stack nodes run one proxier per family.", DefaultValueFactory = _ => "4" };
    private readonly Option<string> _range = new(KubeProxyFlags.ServiceNodePortRangeFlag) { Description = "The cluster's NodePort range (default 30000-32767).", DefaultValueFactory = _ => "30000-32767" };
    private readonly Option<bool> _selfContained = new("--self-contained") { Description = "Write the node's whole filter and nat tables (hook rules, kubelet chains), loadable into an empty namespace, instead of kube-proxy's --noflush input." };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "List every object kube-proxy would ignore, with the reason, on standard error." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(From);
        CompletionCommand.Files(From);
        foreach (var option in new Option[] { _profile, _hostname, _nodeIps, _clusterCidr, _masqueradeAll, _masqueradeBit, _nodePortAddresses, _localhostNodePorts, _randomFully, _liberal, _nfacct, _family, _range, _selfContained, _verbose })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads the objects, builds the node's spec, compiles and writes the script, or its delta since OLD (stdout, or -o FILE atomically).</summary>
    public int Run(ParseResult parse, string from, string? output, string? since, ProgressReporter progress)
    {
        var flags = new KubeProxyFlags
        {
            Profile = parse.GetValue(_profile)!,
            HostnameOverride = parse.GetValue(_hostname),
            NodeIPs = Split(parse.GetValue(_nodeIps)),
            ClusterCidr = parse.GetValue(_clusterCidr),
            MasqueradeAll = parse.GetValue(_masqueradeAll),
            MasqueradeBit = parse.GetValue(_masqueradeBit),
            NodePortAddresses = Split(parse.GetValue(_nodePortAddresses)),
            LocalhostNodePorts = parse.GetValue(_localhostNodePorts),
            RandomFully = parse.GetValue(_randomFully),
            ConntrackTcpBeLiberal = parse.GetValue(_liberal),
            Nfacct = parse.GetValue(_nfacct),
            IPFamily = parse.GetValue(_family)!,
            ServiceNodePortRange = parse.GetValue(_range)!,
        };
        if (since is not null && since == from) throw new UserInputException("--since: " + since + " is the --from-kubernetes input; give the restore script an earlier run wrote");
        var old = since is null ? null : DeltaRestore.ReadOld(since, progress);
        var text = InputFiles.ReadAll(from, progress);
        BuiltClusterSpec built;
        using (progress.Begin("reading the Kubernetes objects of " + InputFiles.DisplayName(from)))
        {
            var objects = KubernetesInput.Read(text, InputFiles.DisplayName(from));
            built = KubernetesSpecBuilder.Build(objects, flags);
        }
        if (parse.GetValue(_verbose))
        {
            foreach (var skipped in built.Skipped) Console.Error.WriteLine("natdsl: skipped " + skipped);
        }
        else if (built.Skipped.Count > 0)
        {
            Console.Error.WriteLine("natdsl: " + built.Skipped.Count + " object(s) ignored as kube-proxy would (--verbose lists them)");
        }
        string script;
        using (progress.Begin("compiling the rules of " + built.Spec.Services.Count.ToString(CultureInfo.InvariantCulture) + " services"))
        {
            // Rendered as it is compiled: a large cluster's endpoint chains never exist as a whole model.
            script = SaveRenderer.Render(built.Spec, new CompileOptions { SelfContained = parse.GetValue(_selfContained) });
        }
        if (old is not null)
        {
            using (progress.Begin("computing the delta since " + InputFiles.DisplayName(since!)))
            {
                script = DeltaRestore.Compute(old, InputFiles.DisplayName(since!), script);
            }
        }
        OutputFiles.Write(output == "-" ? null : output, script);
        return ExitCodes.Success;
    }

    private static string[] Split(string[]? values) =>
        (values ?? Array.Empty<string>()).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}
