using System;
using System.Linq;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Rule counters written other than iptables-save writes them. The well-formed ones iptables
/// reads (blanks inside the brackets, no blank after them, leading zeros, <c>-c P,B</c>) we read
/// to the same counters; the ones iptables reads sloppily (hexadecimal as 0, a negative number
/// wrapped, an overflow saturated) we refuse with the place named, and this test records what
/// iptables makes of them.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class CounterSpellingsInRealIptablesTests
{
    [TestCase("[ 1:2] -A INPUT -j ACCEPT", 1UL, 2UL)]
    [TestCase("[1:2]-A INPUT -j ACCEPT", 1UL, 2UL)]
    [TestCase("[01:02] -A INPUT -j ACCEPT", 1UL, 2UL)]
    [TestCase("-A INPUT -c 5,6 -j ACCEPT", 5UL, 6UL)]
    [TestCase("-A INPUT --set-counters 5 6 -j ACCEPT", 5UL, 6UL)]
    public void Iptables_and_we_read_the_same_counters(string line, ulong packets, ulong bytes)
    {
        RealIptables.Require();
        Assert.That(Parse(line).Counters, Is.EqualTo(Counters.Of(packets, bytes)), "ours");
        Assert.That(Real(line, IptablesBackend.Legacy), Is.EqualTo("[" + packets + ":" + bytes + "] -A INPUT -j ACCEPT"), "iptables-legacy");
    }

    [TestCase("[0x1:2] -A INPUT -j ACCEPT", "[0:2] -A INPUT -j ACCEPT", "invalid packet counter")]
    [TestCase("[-1:2] -A INPUT -j ACCEPT", "[18446744073709551615:2] -A INPUT -j ACCEPT", "invalid packet counter")]
    [TestCase("[18446744073709551616:2] -A INPUT -j ACCEPT", "[18446744073709551615:2] -A INPUT -j ACCEPT", "invalid packet counter")]
    [TestCase("-A INPUT -c 0x10 010 -j ACCEPT", "[0:10] -A INPUT -j ACCEPT", "invalid counter \"0x10\"")]
    public void We_refuse_what_iptables_reads_sloppily(string line, string iptablesReads, string message)
    {
        RealIptables.Require();
        var e = Assert.Throws<DumpParseException>(() => Parse(line))!;
        Assert.That(e.Message, Does.Contain(message));
        Assert.That(Real(line, IptablesBackend.Legacy), Is.EqualTo(iptablesReads), "what iptables-legacy makes of it");
    }

    private static Rule Parse(string line) =>
        SaveParser.ParseRuleSet("*filter\n:INPUT ACCEPT [0:0]\n" + line + "\nCOMMIT\n", "counters").FindTable("filter")!.FindChain("INPUT")!.Rules[0];

    private static string Real(string line, IptablesBackend backend)
    {
        using var session = IptablesSession.Open(backend);
        session.RestoreOrThrow("*filter\n" + line + "\nCOMMIT\n", "-c");
        return session.Save("filter", counters: true).Split('\n').Single(l => l.Contains("-A INPUT", StringComparison.Ordinal));
    }
}
