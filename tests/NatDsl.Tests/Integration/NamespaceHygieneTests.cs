using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Namespaces made through <see cref="NetworkNamespace"/> exist while used and are gone once
/// disposed; between tests none of this process's namespaces exist (the Integration tests run one
/// at a time). <see cref="IntegrationNamespaceGuard"/> checks the same after the whole run.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class NamespaceHygieneTests
{
    [Test]
    public void A_session_namespace_exists_while_open_and_is_deleted_on_dispose()
    {
        RealIptables.Require();
        string name;
        using (var session = IptablesSession.Open(IptablesBackend.Nft))
        {
            name = session.Namespace.Name;
            Assert.That(name, Does.StartWith(LiveNamespaces.Prefix));
            Assert.That(LiveNamespaces.OfThisProcess(), Does.Contain(name));
            session.RestoreOrThrow("*nat\n:KUBE-TEST - [0:0]\nCOMMIT\n");
        }
        Assert.That(LiveNamespaces.OfThisProcess(), Does.Not.Contain(name));
    }

    [Test]
    public void No_namespace_of_this_process_exists_between_tests()
    {
        RealIptables.Require();
        Assert.That(LiveNamespaces.OfThisProcess(), Is.Empty);
    }
}
