using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NatDsl.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>Big kube-proxy style restore scripts parse and render in linear time.</summary>
public class LargeInputTests
{
    /// <summary>A kube-proxy style script: per service a chain, a service rule, a masquerade rule, an affinity and a DNAT rule; stale chains deleted with -X.</summary>
    private static string Script(int services)
    {
        var sb = new StringBuilder("*nat\n:KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n");
        for (var i = 0; i < services; i++) sb.Append(":KUBE-SVC-").Append(i.ToString("X16", CultureInfo.InvariantCulture)).Append(" - [0:0]\n");
        for (var i = 0; i < services / 10; i++) sb.Append(":KUBE-SEP-STALE").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" - [0:0]\n");
        for (var i = 0; i < services; i++)
        {
            var svc = "KUBE-SVC-" + i.ToString("X16", CultureInfo.InvariantCulture);
            var ip = "10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255);
            sb.Append("-A KUBE-SERVICES -m comment --comment \"ns/svc").Append(i).Append(":http cluster IP\" -m tcp -p tcp -d ").Append(ip).Append(" --dport 80 -j ").Append(svc).Append('\n');
            sb.Append("-A ").Append(svc).Append(" ! -s 10.244.0.0/16 -d ").Append(ip).Append("/32 -p tcp -m comment --comment \"ns/svc:http cluster IP\" -m tcp --dport 80 -j KUBE-MARK-MASQ\n");
            sb.Append("-A ").Append(svc).Append(" -m comment --comment \"ns/svc:http\" -m statistic --mode random --probability 0.50000000000 -j KUBE-MARK-MASQ\n");
            sb.Append("-A ").Append(svc).Append(" -p tcp -m comment --comment \"ns/svc:http\" -m recent --set --name ").Append(svc).Append(" --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.1.2.3:8080\n");
        }
        for (var i = 0; i < services / 10; i++) sb.Append("-X KUBE-SEP-STALE").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.Append("COMMIT\n").ToString();
    }

    private static double Seconds(string script, int expectedRules)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var watch = Stopwatch.StartNew();
            var document = SaveParser.Parse(script);
            var text = SaveRenderer.Render(document);
            watch.Stop();
            var rules = 0;
            foreach (var chain in document.RuleSet.Tables[0].Chains) rules += chain.Rules.Count;
            Assert.That(rules, Is.EqualTo(expectedRules));
            Assert.That(text, Does.StartWith("*nat\n"));
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    [Test]
    public void Hundred_thousand_rules_parse_and_render_quickly_and_linearly()
    {
        var small = Seconds(Script(5000), 20000);
        var large = Seconds(Script(25000), 100000);
        TestContext.Out.WriteLine("20k rules: " + small + " s, 100k rules: " + large + " s");
        Assert.That(large, Is.LessThan(30), "100k rules should take about a second, not " + large + " s");
        Assert.That(large / Math.Max(small, 0.05), Is.LessThan(15), "5x the rules should take about 5x the time (quadratic would be 25x)");
    }
}
