using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// After every test of the Integration namespace has run: no network namespace made by this
/// process may remain. Leftovers are deleted (so a failing run does not litter the machine) and
/// reported as a failure of the whole Integration fixture set.
/// </summary>
[SetUpFixture]
public class IntegrationNamespaceGuard
{
    [OneTimeTearDown]
    public void No_namespace_is_left_behind()
    {
        var left = LiveNamespaces.OfThisProcess();
        foreach (var name in left) ProcessRunner.Run("ip", new[] { "netns", "del", name });
        Assert.That(left, Is.Empty, "network namespaces left behind by the Integration tests (now deleted)");
    }
}
