using System.Collections.Generic;
using System.IO;
using System.Text;
using NatDsl.Formats.Save;
using NatDsl.Workloads;

namespace NatDsl.Benchmarks;

/// <summary>
/// Apply time of RestoreScript.Delta against a full restore, on real iptables in a namespace:
/// a 2,000-service node, one sync (an endpoint moves, a service appears, one goes away).
/// Each sample starts from the old rules loaded whole.
/// </summary>
public static class DeltaTiming
{
    public sealed record Result(string Backend, int DeltaLines, int FullLines, Samples DeltaWall, Samples DeltaCpu, Samples FullWall, Samples FullCpu);

    public static List<Result> Measure(string folder, int repetitions)
    {
        var old = Workload.Create(WorkloadShape.S.WithServices(2000, "2k"));
        var @new = Workload.Compile(WorkloadEdits.Sync(old.Spec, 11));
        var delta = RestoreScript.Delta(old.RuleSet, @new);
        var full = SaveRenderer.Render(@new);
        var oldPath = Path.Combine(folder, "2k.old.rules");
        var newPath = Path.Combine(folder, "2k.new.rules");
        var deltaPath = Path.Combine(folder, "2k.delta.rules");
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(oldPath, old.SaveText, utf8);
        File.WriteAllText(newPath, full, utf8);
        File.WriteAllText(deltaPath, delta, utf8);

        var results = new List<Result>();
        foreach (var backend in new[] { "nft", "legacy" })
        {
            var tool = "iptables-" + backend + "-restore";
            var dw = new Samples();
            var dc = new Samples();
            var fw = new Samples();
            var fc = new Samples();
            using (var ns = new NetworkNamespace(backend))
            {
                for (var i = 0; i < repetitions; i++)
                {
                    ns.Run(tool, oldPath);
                    var (w1, c1) = ns.Time(tool, "--noflush", deltaPath);
                    dw.Add(w1);
                    dc.Add(c1);
                    ns.Run(tool, oldPath);
                    var (w2, c2) = ns.Time(tool, newPath);
                    fw.Add(w2);
                    fc.Add(c2);
                }
            }
            results.Add(new Result(backend, Lines(delta), Lines(full), dw, dc, fw, fc));
        }
        return results;
    }

    private static int Lines(string text)
    {
        var n = 0;
        foreach (var c in text) if (c == '\n') n++;
        return n;
    }
}
