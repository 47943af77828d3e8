using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Tests.Scale;
using NatDsl.Workloads;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// RestoreScript.Delta against real iptables: a 2,000-service node is loaded whole, then one
/// sync (an endpoint moves, a service appears, another goes away) is applied as a --noflush
/// delta; iptables-save must then print exactly our rendering of the new rules. The apply
/// times of the delta and of a full restore are printed (asserting them would make the test
/// depend on the machine's load).
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class DeltaRestoreTests
{
    private static readonly WorkloadShape Shape = WorkloadShape.S.WithServices(2000, "2k");

    [TestCase(IptablesBackend.Nft)]
    [TestCase(IptablesBackend.Legacy)]
    public void A_sync_applied_as_a_delta_leaves_exactly_the_new_rules(IptablesBackend backend)
    {
        RealIptables.Require();
        var old = ScaleWorkloads.Of(Shape);
        var @new = Workload.Compile(WorkloadEdits.Sync(old.Spec, 11));
        var delta = RestoreScript.Delta(old.RuleSet, @new);
        var full = SaveRenderer.Render(@new);

        using var session = IptablesSession.Open(backend);
        RestoreFile(session, old.SaveText);
        AssertSaved(session, old.RuleSet, "old after a full restore");

        var deltaTime = Time(() => RestoreFile(session, delta, "--noflush"));
        AssertSaved(session, @new, "new after the delta");

        using var fresh = IptablesSession.Open(backend);
        RestoreFile(fresh, old.SaveText);
        var fullTime = Time(() => RestoreFile(fresh, full));
        AssertSaved(fresh, @new, "new after a full restore");

        TestContext.Progress.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "delta restore {0}: {1} lines in {2:F0} ms; full restore of new: {3} lines in {4:F0} ms (x{5:F1})",
            backend, Lines(delta), deltaTime, Lines(full), fullTime, fullTime / Math.Max(deltaTime, 0.001)));
    }

    /// <summary>
    /// iptables-restore reading a file: megabytes through standard input can time out on a
    /// loaded machine, and the file keeps the feeding out of the measured time.
    /// </summary>
    private static void RestoreFile(IptablesSession session, string script, params string[] flags)
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(path, script, new System.Text.UTF8Encoding(false));
            var tool = NetworkNamespace.Tool(session.Backend, session.Ipv6, "-restore");
            var r = session.Namespace.Exec(tool, flags.Concat(new[] { path }).ToArray());
            if (r.ExitCode != 0) throw new InvalidOperationException(tool + " rejected the script: " + r);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private static void AssertSaved(IptablesSession session, RuleSet expected, string what)
    {
        var options = new SaveRenderOptions { OmitInvertedWildcardInterface = session.Backend == IptablesBackend.Legacy };
        foreach (var table in expected.Tables)
        {
            var saved = WithoutComments(session.Save(table.Name));
            var rendered = SaveRenderer.RenderTable(table, options);
            if (saved != rendered) Assert.Fail(what + ": iptables-save -t " + table.Name + " differs from our rendering, first at line " + FirstDifference(saved, rendered));
        }
    }

    private static string WithoutComments(string save) =>
        string.Concat(save.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).Select(l => l + "\n"));

    private static string FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i]) return (i + 1).ToString(CultureInfo.InvariantCulture) + ":\n  saved:    " + x[i] + "\n  rendered: " + y[i];
        }
        return "the end (" + x.Length.ToString(CultureInfo.InvariantCulture) + " vs " + y.Length.ToString(CultureInfo.InvariantCulture) + " lines)";
    }

    private static int Lines(string text) => text.Count(c => c == '\n');

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }
}
