using System;
using System.Linq;
using System.Reflection;
using NatDsl.Tests.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// The spellings <see cref="ExtensionSaveTextTests.Spellings_iptables_refuses"/> expects us to
/// refuse are refused by real iptables-restore too, on both backends: we do not refuse what
/// iptables loads.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class RejectedSpellingsInRealIptablesTests
{
    [TestCase(IptablesBackend.Legacy)]
    [TestCase(IptablesBackend.Nft)]
    public void Iptables_refuses_what_we_refuse(IptablesBackend backend)
    {
        RealIptables.Require();
        var inputs = typeof(ExtensionSaveTextTests).GetMethod(nameof(ExtensionSaveTextTests.Spellings_iptables_refuses))!
            .GetCustomAttributes<TestCaseAttribute>().Select(c => (string)c.Arguments[0]!).ToList();
        Assert.That(inputs, Is.Not.Empty);
        using var session = IptablesSession.Open(backend);
        var loaded = inputs.Where(input => session.Restore(ExtensionSpellingsInRealIptablesTests.Script("filter", input)).ExitCode == 0).ToList();
        Assert.That(loaded, Is.Empty, "iptables loads spellings we refuse");
    }
}
