using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Conntrack addresses as iptables itself reads them: the raw spellings (host bits, dotted,
/// non-contiguous, octal, hexadecimal and out-of-range masks) are restored into real iptables
/// as written, not as we render them, and what iptables-save and <c>-L -v -n</c> print must be
/// exactly our rendering of our own parse of the same text; both readbacks parse back to that
/// model.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class ConntrackAddressesInRealIptablesTests
{
    private const string Filter4 =
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + "-A INPUT -m conntrack --ctorigdst 10.1.2.3/8 ! --ctrepldst 10.9.9.9/16 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigsrc 192.168.1.77/255.255.0.0 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigsrc 192.168.1.77/255.255.0.255 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigsrc 192.168.1.77/33 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigsrc 192.168.1.77/010 --ctreplsrc 10.1 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigsrc 192.168.1.77/0x10 -j ACCEPT\n"
        + "-A INPUT -m conntrack ! --ctorigsrc 192.168.1.77/0.0.0.0 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctreplsrc 192.168.1.77/255.255.255.254 --ctstate DNAT -j ACCEPT\n"
        + "COMMIT\n";

    private const string Filter6 =
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + "-A INPUT -m conntrack --ctorigsrc 2001:db8::77/0x80 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigsrc 2001:db8::77/ffff:ffff:: -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigsrc 2001:db8::77/ffff:0:ffff:: -j ACCEPT\n"
        + "-A INPUT -m conntrack ! --ctrepldst 2001:db8::77/64 -j ACCEPT\n"
        + "-A INPUT -m conntrack --ctorigdst 2001:db8::77/:: -j ACCEPT\n"
        + "COMMIT\n";

    [TestCase(IptablesBackend.Legacy, false)]
    [TestCase(IptablesBackend.Nft, false)]
    [TestCase(IptablesBackend.Legacy, true)]
    [TestCase(IptablesBackend.Nft, true)]
    public void Iptables_stores_conntrack_addresses_as_we_read_them(IptablesBackend backend, bool ipv6)
    {
        RealIptables.Require();
        var input = ipv6 ? Filter6 : Filter4;
        var model = SaveParser.ParseRuleSet(input, "conntrack.rules");
        Assert.That(model.Family, Is.EqualTo(ipv6 ? IpFamily.V6 : IpFamily.V4));

        using var session = IptablesSession.Open(backend, ipv6);
        session.RestoreOrThrow(input);
        var outputs = RealReadbacks.Read(session, new[] { "filter" }, Readback.Save, Readback.ListVerbose);
        var save = outputs[("filter", Readback.Save)];
        var listing = outputs[("filter", Readback.ListVerbose)];
        using (Assert.EnterMultipleScope())
        {
            TextAssert.AreEqual(OurRendering.Expected(Readback.Save, backend, model, "filter"), OurRendering.Comparable(Readback.Save, save), "iptables-save");
            TextAssert.AreEqual(OurRendering.Expected(Readback.ListVerbose, backend, model, "filter"), listing, "-L -v -n");
            Assert.That(SaveParser.ParseRuleSet(save, "iptables-save").FindTable("filter"), Is.EqualTo(model.FindTable("filter")), "iptables-save parsed back");
            // A listing shows zero counters where the restored text had none: compare as listings do.
            var listed = ListingParser.Parse(listing, "iptables -L -v -n", "filter", model.Family);
            Assert.That(listed.RuleSet.FindTable("filter"), Is.EqualTo(ListingEquivalence.Map(model.FindTable("filter")!, ListingForm.VerboseNumeric, model.Family)), "-L -v -n parsed back");
        }
    }
}
