using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Tests.Integration;
using NUnit.Framework;

namespace NatDsl.Tests.Properties;

/// <summary>
/// Three generated cluster declarations per run (IPv4 V1_12, IPv4 Current, IPv6; fixed seeds),
/// compiled to whole-node tables, loaded with real iptables-restore (legacy and nft) into a fresh
/// network namespace: iptables-save then prints exactly our rendering of every table.
/// </summary>
[Category("RealIptables")]
[Category("Properties")]
[NonParallelizable]
public class RealIptablesSampleTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var (name, draft) in Samples())
        {
            foreach (var backend in new[] { IptablesBackend.Legacy, IptablesBackend.Nft })
            {
                yield return new TestCaseData(draft, backend).SetName("Generated_" + name + "_loads_into_real_iptables_and_saves_as_rendered." + backend);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Generated_spec_loads_into_real_iptables_and_saves_as_rendered(ClusterDraft draft, IptablesBackend backend)
    {
        RealIptables.Require();
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(draft.Apply), new CompileOptions { SelfContained = true });
        var script = SaveRenderer.Render(rules);
        using var session = IptablesSession.Open(backend, rules.Family == IpFamily.V6);
        var restore = session.Restore(script);
        Assert.That(restore.ExitCode, Is.EqualTo(0), "iptables-restore refused the script: " + restore + "\n" + script + "\ndeclaration:\n" + draft);
        foreach (var table in rules.Tables)
        {
            var saved = string.Join("\n", session.Save(table.Name).Split('\n').Where(l => !l.StartsWith("# ", StringComparison.Ordinal)));
            Assert.That(saved, Is.EqualTo(SaveRenderer.RenderTable(table)), table.Name + " as saved by " + backend + "\ndeclaration:\n" + draft);
        }
    }

    /// <summary>The first generated drafts (seeds counting up from fixed starts) of each kind, with at least one service.</summary>
    private static IEnumerable<(string Name, ClusterDraft Draft)> Samples()
    {
        yield return ("IPv4_V1_12", First(1000, d => d.Family == IpFamily.V4 && d.Profile == KubeProxyProfile.V1_12));
        yield return ("IPv4_Current", First(2000, d => d.Family == IpFamily.V4 && d.Profile == KubeProxyProfile.Current));
        yield return ("IPv6", First(3000, d => d.Family == IpFamily.V6));
    }

    private static ClusterDraft First(int seed, Func<ClusterDraft, bool> wanted)
    {
        for (var s = seed; ; s++)
        {
            // nfacct rules name accounting objects that kube-proxy creates over netlink; a bare namespace has none.
            var draft = ClusterDraftGenerator.Generate(new Random(s), 6) with { SelfContained = true, Nfacct = false };
            if (draft.Services.Count > 1 && draft.Services.Any(x => x.Endpoints.Count + (x.SimpleEndpoints?.Value.Count ?? 0) > 0) && wanted(draft)) return draft;
        }
    }
}
