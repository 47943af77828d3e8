using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NatDsl.Tests.Integration;
using NUnit.Framework;

namespace NatDsl.Tests.Cli;

/// <summary>
/// The save text <c>natdsl convert seed --to save</c> writes is accepted by real
/// iptables-legacy-restore, and what the kernel then lists is the seed.
/// </summary>
/// <remarks>
/// Comparison method: the script is restored with <c>-c</c>, so the kernel holds the counters
/// (the estimates of the seed's rounded values, which round back to the same text); the kernel's
/// <c>-L -v -n</c> listing (iptables 1.8.9, numbers dialect) is parsed and rendered again in the
/// seed's form (names dialect, up to 1.8.7). The result must equal the seed byte for byte, so every
/// column is compared: counters included, and the protocol column through the dialect mapping.
/// Without <c>-c</c> the counters are 0 and every other column is compared the same way.
/// </remarks>
[Category("RealIptables")]
[NonParallelizable]
public class ConvertRealIptablesTests
{
    [Test]
    public void Seed_converted_to_save_restores_to_the_seed()
    {
        RealIptables.Require();
        var converted = CliProcess.Run("convert", TestData.PathOf("golden", "seed.listing.txt"), "--to", "save");
        Assert.That(converted.ExitCode, Is.EqualTo(0), converted.ToString());

        using var session = IptablesSession.Open(IptablesBackend.Legacy);
        session.RestoreOrThrow(converted.StandardOutput, "-c");
        var kernel = session.Run("nat", "-L", "-v", "-n");
        var parsed = ListingParser.Parse(kernel, "iptables-legacy -t nat -L -v -n");
        Assert.That(parsed.Form.Dialect, Is.EqualTo(ListingDialect.Numbers), "iptables 1.8.9 prints protocol numbers");
        var seedForm = ListingParser.Parse(TestData.Seed).Form;
        Assert.That(ListingRenderer.Render(parsed.RuleSet, "nat", seedForm), Is.EqualTo(TestData.Seed));
    }

    [Test]
    public void Seed_converted_to_save_without_counters_lists_the_seed_with_zero_counters()
    {
        RealIptables.Require();
        var converted = CliProcess.Run("convert", TestData.PathOf("golden", "seed.listing.txt"), "--to", "save");
        Assert.That(converted.ExitCode, Is.EqualTo(0), converted.ToString());

        using var session = IptablesSession.Open(IptablesBackend.Legacy);
        session.RestoreOrThrow(converted.StandardOutput);
        var kernel = ListingParser.Parse(session.Run("nat", "-L", "-v", "-n"));
        var seed = ListingParser.Parse(TestData.Seed);
        var zero = Counters.Of(0, 0);
        var seedWithoutCounters = seed.RuleSet with
        {
            Tables = new[]
            {
                seed.Table with
                {
                    Chains = seed.Table.Chains.Select(c => c with
                    {
                        Counters = c.Policy is null ? c.Counters : zero,
                        Rules = c.Rules.Select(r => r.WithCounters(zero)).ToList().ToValueList(),
                    }).ToList().ToValueList(),
                },
            }.ToValueList(),
        };
        Assert.That(ListingRenderer.Render(kernel.RuleSet, "nat", seed.Form), Is.EqualTo(ListingRenderer.Render(seedWithoutCounters, "nat", seed.Form)));
    }
}
