using System.IO;
using NatDsl.Testing;
using NUnit.Framework;

namespace NatDsl.Tests.Testing;

/// <summary>Which received file a missing golden produces, and in which format, from the golden's name alone.</summary>
public class GoldenFileNameTests
{
    [TestCase("seed.listing.txt", "seed.listing.received.txt", true)]
    [TestCase("seed.LISTING.txt", "seed.LISTING.received.txt", true)]
    [TestCase("node1.L", "node1.received.L", true)]
    [TestCase("node1.L.txt", "node1.L.received.txt", true)]
    [TestCase("node1.legacy.L-v-n-nat.txt", "node1.legacy.L-v-n-nat.received.txt", true)]
    [TestCase("seed.listing", "seed.received.listing", true)]
    [TestCase("node1.rules", "node1.received.rules", false)]
    [TestCase("node1.save.txt", "node1.save.received.txt", false)]
    [TestCase("node1.txt", "node1.received.txt", false)]
    [TestCase("node1.l", "node1.received.l", false)]
    [TestCase("Lnode.txt", "Lnode.received.txt", false)]
    [TestCase("golden", "golden.received", false)]
    public void The_golden_name_decides_the_received_name_and_format(string golden, string received, bool listing)
    {
        using var folder = new GoldenFolder();
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices);

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, folder.File(golden)))!;

        Assert.That(failure.ReceivedPath, Is.EqualTo(folder.File(received)));
        var text = GoldenFolder.Read(failure.ReceivedPath!);
        Assert.That(text, listing ? Does.StartWith("Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)\n") : Does.StartWith("*nat\n"));
        Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(1));
    }
}
