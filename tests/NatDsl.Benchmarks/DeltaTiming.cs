using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Workloads;

namespace NatDsl.Benchmarks;

/// <summary>
/// Apply time of RestoreScript.Delta against a full restore, on real iptables in a namespace:
/// a 2,000-service node, one sync (an endpoint moves, a service appears, one goes away).
/// Each sample starts from the old rules loaded whole.
/// </summary>
public static class DeltaTiming
{
    /// <summary>One backend's samples: the delta, a flushing full restore of new, and kube-proxy's full sync (<c>--noflush</c>, every owned chain declared).</summary>
    public sealed record Result(string Backend, int DeltaLines, int FullLines, int SyncLines, Samples DeltaWall, Samples DeltaCpu, Samples FullWall, Samples FullCpu, Samples SyncWall, Samples SyncCpu, Floors Floors);

    /// <summary>
    /// What the smallest <c>--noflush</c> restores cost on the loaded node (wall seconds): a new
    /// empty chain; a new chain with one rule that has no verdict; one whose rule has a verdict
    /// (<c>-j RETURN</c>); and KUBE-SERVICES' first rule deleted and inserted again by position
    /// (what adding or removing a service must do at least). Nothing a delta does costs less than
    /// the parts it needs.
    /// </summary>
    public sealed record Floors(Samples EmptyChain, Samples RuleWithoutVerdict, Samples RuleWithVerdict, Samples PositionedEdit);

    /// <summary>Writes 2k.old.rules, 2k.new.rules and 2k.delta.rules into <paramref name="folder"/> (also <c>--delta-files DIR</c>).</summary>
    public static (string Old, string New, string Delta, string Sync) WriteFiles(string folder)
    {
        var old = Workload.Create(WorkloadShape.S.WithServices(2000, "2k"));
        var @new = Workload.Compile(WorkloadEdits.Sync(old.Spec, 11));
        var delta = RestoreScript.Delta(old.RuleSet, @new);
        var oldPath = Path.Combine(folder, "2k.old.rules");
        var newPath = Path.Combine(folder, "2k.new.rules");
        var deltaPath = Path.Combine(folder, "2k.delta.rules");
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(oldPath, old.SaveText, utf8);
        File.WriteAllText(newPath, SaveRenderer.Render(@new), utf8);
        File.WriteAllText(deltaPath, delta, utf8);
        var syncPath = Path.Combine(folder, "2k.kube-proxy-sync.rules");
        File.WriteAllText(syncPath, KubeProxyFullSync(old.RuleSet, KubeProxyCompiler.Compile(WorkloadEdits.Sync(old.Spec, 11))), utf8);
        return (oldPath, newPath, deltaPath, syncPath);
    }

    public static List<Result> Measure(string folder, int repetitions)
    {
        var (oldPath, newPath, deltaPath, syncPath) = WriteFiles(folder);
        var delta = File.ReadAllText(deltaPath);
        var full = File.ReadAllText(newPath);
        var sync = File.ReadAllText(syncPath);
        var floors = FloorFiles(folder, File.ReadAllText(oldPath));

        var results = new List<Result>();
        foreach (var backend in new[] { "nft", "legacy" })
        {
            var tool = "iptables-" + backend + "-restore";
            var dw = new Samples();
            var dc = new Samples();
            var fw = new Samples();
            var fc = new Samples();
            var sw = new Samples();
            var sc = new Samples();
            var floorSamples = new[] { new Samples(), new Samples(), new Samples(), new Samples() };
            using (var ns = new NetworkNamespace(backend))
            {
                for (var i = 0; i < repetitions; i++)
                {
                    ns.Run(tool, oldPath);
                    var (w1, c1) = ns.Time(tool, "--noflush", deltaPath);
                    dw.Add(w1);
                    dc.Add(c1);
                    if (i == 0) ExpectNew(ns, backend, full, "the delta");
                    // Each floor leaves the node as it was or adds a chain of its own name: they follow each other.
                    for (var f = 0; f < floors.Length; f++) floorSamples[f].Add(ns.Time(tool, "--noflush", floors[f]).Wall);
                    ns.Run(tool, oldPath);
                    var (w2, c2) = ns.Time(tool, newPath);
                    fw.Add(w2);
                    fc.Add(c2);
                    // kube-proxy's full sync takes tens of seconds on iptables-nft 1.8.9: two samples at most.
                    if (i >= 2) continue;
                    ns.Run(tool, oldPath);
                    var (w3, c3) = ns.Time(tool, "--noflush", syncPath);
                    sw.Add(w3);
                    sc.Add(c3);
                    if (i == 0) ExpectNew(ns, backend, full, "kube-proxy's full sync");
                }
            }
            results.Add(new Result(backend, Lines(delta), Lines(full), Lines(sync), dw, dc, fw, fc, sw, sc, new Floors(floorSamples[0], floorSamples[1], floorSamples[2], floorSamples[3])));
        }
        return results;
    }

    // The restores measured as floors (see Floors), in its order.
    private static string[] FloorFiles(string folder, string old)
    {
        var nat = old.Substring(old.IndexOf("*nat\n", System.StringComparison.Ordinal));
        var firstService = nat.Split('\n').First(line => line.StartsWith("-A KUBE-SERVICES ", System.StringComparison.Ordinal));
        var texts = new[]
        {
            "*nat\n:NATDSL-EMPTY - [0:0]\nCOMMIT\n",
            "*nat\n:NATDSL-NO-VERDICT - [0:0]\n-A NATDSL-NO-VERDICT -s 192.0.2.1/32\nCOMMIT\n",
            "*nat\n:NATDSL-VERDICT - [0:0]\n-A NATDSL-VERDICT -s 192.0.2.1/32 -j RETURN\nCOMMIT\n",
            "*nat\n-D KUBE-SERVICES 1\n-I KUBE-SERVICES 1" + firstService.Substring("-A KUBE-SERVICES".Length) + "\nCOMMIT\n",
        };
        var paths = new string[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            paths[i] = Path.Combine(folder, "2k.floor-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".rules");
            File.WriteAllText(paths[i], texts[i], new UTF8Encoding(false));
        }
        return paths;
    }

    /// <summary>
    /// What kube-proxy hands <c>iptables-restore --noflush</c> on a full sync: every chain it owns
    /// declared (which flushes it) and rewritten, and each stale service chain it owned in the old rules
    /// declared and deleted with <c>-X</c> (kube-proxy's syncProxyRules does the same).
    /// </summary>
    public static string KubeProxyFullSync(RuleSet old, RuleSet script)
    {
        var sb = new StringBuilder();
        foreach (var table in script.Tables)
        {
            var stale = new List<string>();
            var oldTable = old.FindTable(table.Name);
            if (oldTable is not null)
            {
                foreach (var chain in oldTable.Chains)
                {
                    if (IsServiceChain(chain.Name) && table.FindChain(chain.Name) is null) stale.Add(chain.Name);
                }
            }
            var text = SaveRenderer.Render(new RuleSet(script.Family, new[] { table }.ToValueList()));
            var commit = text.LastIndexOf("COMMIT\n", System.StringComparison.Ordinal);
            var firstRule = text.IndexOf("\n-", System.StringComparison.Ordinal);
            var chainsEnd = firstRule < 0 ? commit : firstRule + 1;
            sb.Append(text, 0, chainsEnd);
            foreach (var name in stale) sb.Append(':').Append(name).Append(" - [0:0]\n");
            sb.Append(text, chainsEnd, commit - chainsEnd);
            foreach (var name in stale) sb.Append("-X ").Append(name).Append('\n');
            sb.Append("COMMIT\n");
        }
        return sb.ToString();
    }

    // What iptables-save prints after a sample must be exactly the new rules (counters aside).
    private static void ExpectNew(NetworkNamespace ns, string backend, string expected, string what)
    {
        if (!Tables(ns.Output("iptables-" + backend + "-save")).SequenceEqual(Tables(expected))) throw new System.InvalidOperationException("after " + what + " iptables-" + backend + "-save differs from the new rules");
    }

    // Each table's lines (comments dropped, chain counters zeroed), by table name: the backends print tables in their own order.
    private static SortedDictionary<string, string> Tables(string save)
    {
        var tables = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        StringBuilder? current = null;
        var name = string.Empty;
        foreach (var line in save.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '*') { name = line; current = new StringBuilder(); }
            current ??= new StringBuilder();
            current.Append(line[0] == ':' ? System.Text.RegularExpressions.Regex.Replace(line, @"\[\d+:\d+\]$", "[0:0]") : line).Append('\n');
            if (line == "COMMIT") tables[name] = current.ToString();
        }
        return tables;
    }

    // kube-proxy's isServiceChainName: only per-service chains are deleted when stale.
    private static bool IsServiceChain(string name)
    {
        foreach (var prefix in new[] { ChainHashing.ServicePrefix, ChainHashing.LocalServicePrefix, ChainHashing.ExternalPrefix, ChainHashing.FirewallPrefix, ChainHashing.EndpointPrefix, ChainHashing.ExternalLocalPrefix })
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static int Lines(string text)
    {
        var n = 0;
        foreach (var c in text) if (c == '\n') n++;
        return n;
    }
}
