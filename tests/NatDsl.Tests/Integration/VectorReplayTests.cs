using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Replays every shared vector into real iptables here and checks that this machine prints
/// exactly what the vectors recorded. This guards the judge itself: if it fails, the machine's
/// iptables differs from the one the vectors came from, and every other real-iptables test
/// would be comparing against the wrong thing.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class VectorReplayTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var path in Directory.GetFiles(TestData.PathOf("vectors"), "v*.rules").OrderBy(p => p, System.StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            foreach (var backend in new[] { IptablesBackend.Legacy, IptablesBackend.Nft })
            {
                yield return new TestCaseData(name, backend).SetName(name + "." + backend);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Machine_iptables_reproduces_the_recorded_vector(string vector, IptablesBackend backend)
    {
        RealIptables.Require();
        var input = TestData.Read("vectors", vector + ".rules");
        var ipv6 = input.Contains("# family: 6");
        var be = backend == IptablesBackend.Legacy ? "legacy" : "nft";
        var tables = input.Split('\n').Where(l => l.StartsWith('*')).Select(l => l.Substring(1).Trim()).Distinct().OrderBy(t => t, System.StringComparer.Ordinal).ToList();
        using var session = IptablesSession.Open(backend, ipv6);
        var restore = session.Restore(input, "-c");
        var expectedRc = TestData.Vector(vector + "." + be + ".restore-stderr.txt");
        Assert.That(expectedRc.TrimEnd().EndsWith("rc=" + restore.ExitCode), Is.True, "restore exit code differs from the vector's: " + restore);
        foreach (var table in tables)
        {
            Assert.That(SaveHeaders.MaskTimestamps(session.Save(table, counters: true)),
                Is.EqualTo(SaveHeaders.MaskTimestamps(TestData.Vector(vector + "." + be + ".save-c-" + table + ".txt"))), table + " save -c");
            Assert.That(session.Run(table, "-L", "-v", "-n", "-x"),
                Is.EqualTo(TestData.Vector(vector + "." + be + ".L-v-n-x-" + table + ".txt")), table + " -L -v -n -x");
            Assert.That(session.Run(table, "-L", "-n"),
                Is.EqualTo(TestData.Vector(vector + "." + be + ".L-n-" + table + ".txt")), table + " -L -n");
        }
    }
}
