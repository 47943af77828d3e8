using NatDsl.Formats;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>
/// Each extension: input spellings (aliases, abbreviations, implicit matches, open ranges, names)
/// parse and render in iptables-save 1.8.9's canonical form. Expected lines were produced by
/// iptables-legacy-restore + iptables-legacy-save 1.8.9 from the same input.
/// </summary>
public class ExtensionSaveTextTests
{
    [TestCase("-A INPUT -p tcp --dport 80 -j ACCEPT", "-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp --dport 0:65535 -j ACCEPT", "-A INPUT -p tcp -m tcp -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp ! --dport 0:65535 -j ACCEPT", "-A INPUT -p tcp -m tcp -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp ! --tcp-option 5 -j ACCEPT", "-A INPUT -p tcp -m tcp ! --tcp-option 5 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp --tcp-flags NONE NONE -j ACCEPT", "-A INPUT -p tcp -m tcp -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp ! --tcp-flags NONE NONE -j ACCEPT", "-A INPUT -p tcp -m tcp ! --tcp-flags NONE NONE -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp --tcp-flags syn,ack,all fin -j ACCEPT", "-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,PSH,ACK,URG FIN -j ACCEPT")]
    [TestCase("-A INPUT -p tcp --syn --sport 1: -j ACCEPT", "-A INPUT -p tcp -m tcp --sport 1:65535 --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT")]
    [TestCase("-A INPUT -p tcp ! --syn ! --dport 5 -j ACCEPT", "-A INPUT -p tcp -m tcp ! --dport 5 ! --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp --dport 80 -m tcp --sport 90 -j ACCEPT", "-A INPUT -p tcp -m tcp --dport 80 -m tcp --sport 90 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp --sport \" 5\" -j ACCEPT", "-A INPUT -p tcp -m tcp --sport 5 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp --dport 0x50 --sport 010 -j ACCEPT", "-A INPUT -p tcp -m tcp --sport 8 --dport 80 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m tcp --dport=80 --sport=90 -j ACCEPT", "-A INPUT -p tcp -m tcp --sport 90 --dport 80 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp --dpor 80 -j ACCEPT", "-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp --destination-port 80 --source-port 1:2 -j ACCEPT", "-A INPUT -p tcp -m tcp --sport 1:2 --dport 80 -j ACCEPT")]
    [TestCase("-A INPUT -p 6 --dport 80 -j ACCEPT", "-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT")]
    [TestCase("-A INPUT -p udp --sport :53 -j ACCEPT", "-A INPUT -p udp -m udp --sport 0:53 -j ACCEPT")]
    // udp reads ports as getaddrinfo does: decimal, cut to 16 bits, reversed ranges kept.
    [TestCase("-A INPUT -p udp -m udp --dport 010:0020 -j ACCEPT", "-A INPUT -p udp -m udp --dport 10:20 -j ACCEPT")]
    [TestCase("-A INPUT -p udp -m udp --dport 20:10 -j ACCEPT", "-A INPUT -p udp -m udp --dport 20:10 -j ACCEPT")]
    [TestCase("-A INPUT -p udp -m udp --dport 65537 --sport \" +5\" -j ACCEPT", "-A INPUT -p udp -m udp --sport 5 --dport 1 -j ACCEPT")]
    [TestCase("-A INPUT -p udp -m udp --dport 4294967296 -j ACCEPT", "-A INPUT -p udp -m udp --dport 0 -j ACCEPT")]
    [TestCase("-A INPUT -p udp -m udp --dport 5: -j ACCEPT", "-A INPUT -p udp -m udp --dport 5:65535 -j ACCEPT")]
    [TestCase("-A INPUT -p udp -m udp ! --dport 53 -j ACCEPT", "-A INPUT -p udp -m udp ! --dport 53 -j ACCEPT")]
    [TestCase("-A INPUT -p sctp --dport 5 -j ACCEPT", "-A INPUT -p sctp -m sctp --dport 5 -j ACCEPT")]
    [TestCase("-A INPUT -p sctp -m sctp ! --sport 5:6 -j ACCEPT", "-A INPUT -p sctp -m sctp ! --sport 5:6 -j ACCEPT")]
    public void Tcp_udp_sctp(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("-A INPUT -m multiport -p tcp --dports 1,2,3:4 -j ACCEPT", "-A INPUT -p tcp -m multiport --dports 1,2,3:4 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m multiport ! --sports 1:1023,2049 -j ACCEPT", "-A INPUT -p tcp -m multiport ! --sports 1:1023,2049 -j ACCEPT")]
    [TestCase("-A INPUT -p udp -m multiport --ports 53,5353 -j ACCEPT", "-A INPUT -p udp -m multiport --ports 53,5353 -j ACCEPT")]
    [TestCase("-A INPUT -p udp -m multiport --destination-ports 53 -j ACCEPT", "-A INPUT -p udp -m multiport --dports 53 -j ACCEPT")]
    [TestCase("-A INPUT -p udplite -m multiport --source-ports 5 -j ACCEPT", "-A INPUT -p udplite -m multiport --sports 5 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m multiport --ports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT", "-A INPUT -p tcp -m multiport --ports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT")]
    // Options go to the extension getopt picks: an exact name wins over a prefix (--dport is tcp's
    // even after multiport), a prefix of one extension's option only (--dport before tcp is
    // loaded, --sport) goes to it; an implicit match loads where its option stands.
    [TestCase("-A INPUT -p tcp -m tcp --sport 1 -m multiport --dports 5 --dport 7 -j ACCEPT", "-A INPUT -p tcp -m tcp --sport 1 --dport 7 -m multiport --dports 5 -j ACCEPT")]
    [TestCase("-A INPUT -p tcp -m comment --comment x --dport 22 -j ACCEPT", "-A INPUT -p tcp -m comment --comment x -m tcp --dport 22 -j ACCEPT")]
    public void Multiport(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("-A INPUT -m mark --mark 0x00004000/0x00004000 -j ACCEPT", "-A INPUT -m mark --mark 0x4000/0x4000 -j ACCEPT")]
    [TestCase("-A INPUT -m mark --mark 16/0xffffffff -j ACCEPT", "-A INPUT -m mark --mark 0x10 -j ACCEPT")]
    [TestCase("-A INPUT -m mark ! --mark 0 -j ACCEPT", "-A INPUT -m mark ! --mark 0x0 -j ACCEPT")]
    [TestCase("-A OUTPUT -j MARK --set-mark 0x1", "-A OUTPUT -j MARK --set-xmark 0x1/0xffffffff")]
    [TestCase("-A OUTPUT -j MARK --set-mark 0x10/0xf0", "-A OUTPUT -j MARK --set-xmark 0x10/0xf0")]
    [TestCase("-A OUTPUT -j MARK --set-mark 0x10/0x1", "-A OUTPUT -j MARK --set-xmark 0x10/0x11")]
    [TestCase("-A OUTPUT -j MARK --set-xmark 0x10", "-A OUTPUT -j MARK --set-xmark 0x10/0xffffffff")]
    [TestCase("-A OUTPUT -j MARK --and-mark 0xff", "-A OUTPUT -j MARK --set-xmark 0x0/0xffffff00")]
    [TestCase("-A OUTPUT -j MARK --and-mark 0", "-A OUTPUT -j MARK --set-xmark 0x0/0xffffffff")]
    [TestCase("-A OUTPUT -j MARK --or-mark 0x4000", "-A OUTPUT -j MARK --set-xmark 0x4000/0x4000")]
    [TestCase("-A OUTPUT -j MARK --xor-mark 0x2", "-A OUTPUT -j MARK --set-xmark 0x2/0x0")]
    public void Mark_and_MARK(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [Test]
    public void MARK_spellings_normalise_to_value_and_mask()
    {
        Assert.That(SaveText.ParseRule("-A OUTPUT -j MARK --or-mark 0x4000").Target, Is.EqualTo(new MarkTarget(0x4000, 0x4000)));
        Assert.That(SaveText.ParseRule("-A OUTPUT -j MARK --set-xmark 0x4000/0x4000").Target, Is.EqualTo(new MarkTarget(0x4000, 0x4000)));
        Assert.That(SaveText.ParseRule("-A OUTPUT -j MARK --and-mark 0xff").Target, Is.EqualTo(MarkTarget.And(0xff)));
        Assert.That(SaveText.ParseRule("-A OUTPUT -j MARK --xor-mark 2").Target, Is.EqualTo(MarkTarget.Xor(2)));
    }

    [TestCase("-A INPUT -m addrtype --src-type unicast,local,LOCAL --dst-type un -j ACCEPT", "-A INPUT -m addrtype --src-type UNICAST,LOCAL --dst-type UNSPEC -j ACCEPT")]
    [TestCase("-A INPUT -m addrtype ! --src-type BROADCAST ! --dst-type XRESOLVE,NAT,MULTICAST -j ACCEPT", "-A INPUT -m addrtype ! --src-type BROADCAST ! --dst-type MULTICAST,NAT,XRESOLVE -j ACCEPT")]
    [TestCase("-A INPUT -m addrtype --src-type LOCAL,UNICAST --limit-iface-in -j ACCEPT", "-A INPUT -m addrtype --src-type UNICAST,LOCAL --limit-iface-in -j ACCEPT")]
    [TestCase("-A FORWARD -m addrtype ! --dst-type LOCAL --limit-iface-out -j ACCEPT", "-A FORWARD -m addrtype ! --dst-type LOCAL --limit-iface-out -j ACCEPT")]
    public void Addrtype(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("0.5", "0.50000000000")]
    [TestCase("0.33333", "0.33332999982")]
    [TestCase("0.3333333333", "0.33333333349")]
    [TestCase("0.33333333349", "0.33333333349")]
    [TestCase("0.1", "0.10000000009")]
    [TestCase("0.2", "0.20000000019")]
    [TestCase("1", "1.00000000000")]
    [TestCase("0", "0.00000000000")]
    [TestCase("0.999999999", "0.99999999907")]
    [TestCase("1e-9", "0.00000000093")]
    public void Statistic_probability_is_stored_as_bits_and_printed_with_11_digits(string probability, string printed)
    {
        var rule = SaveText.ParseRule("-A INPUT -m statistic --mode random --probability " + probability + " -j ACCEPT");
        var match = (StatisticMatch)rule.Matches[0];
        Assert.That(match.ProbabilityBits, Is.EqualTo(StatisticMatch.ToBits(double.Parse(probability, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(SaveText.Canonical("-A INPUT -m statistic --mode random --probability " + probability + " -j ACCEPT"),
            Is.EqualTo("-A INPUT -m statistic --mode random --probability " + printed + " -j ACCEPT"));
    }

    [TestCase("-A INPUT -m statistic --mode random ! --probability 0.75 -j ACCEPT", "-A INPUT -m statistic --mode random ! --probability 0.75000000000 -j ACCEPT")]
    [TestCase("-A INPUT -m statistic --mode nth --every 3 --packet 1 -j ACCEPT", "-A INPUT -m statistic --mode nth --every 3 --packet 1 -j ACCEPT")]
    [TestCase("-A INPUT -m statistic --mode nth ! --every 2 --packet 0 -j ACCEPT", "-A INPUT -m statistic --mode nth ! --every 2 --packet 0 -j ACCEPT")]
    public void Statistic(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("-A INPUT -m recent --set -j ACCEPT", "-A INPUT -m recent --set --name DEFAULT --mask 255.255.255.255 --rsource -j ACCEPT")]
    [TestCase("-A INPUT -m recent --rcheck --seconds 10 --reap --hitcount 3 --rttl --name foo --rdest --mask 255.255.0.0 -j ACCEPT",
        "-A INPUT -m recent --rcheck --seconds 10 --reap --hitcount 3 --rttl --name foo --mask 255.255.0.0 --rdest -j ACCEPT")]
    [TestCase("-A INPUT -m recent ! --update --seconds 3000000000 -j ACCEPT", "-A INPUT -m recent ! --update --seconds -1294967296 --name DEFAULT --mask 255.255.255.255 --rsource -j ACCEPT")]
    [TestCase("-A INPUT -m recent --rcheck --rsource --rdest -j ACCEPT", "-A INPUT -m recent --rcheck --name DEFAULT --mask 255.255.255.255 --rdest -j ACCEPT")]
    [TestCase("-A INPUT -m recent --rcheck --mask 255.0 -j ACCEPT", "-A INPUT -m recent --rcheck --name DEFAULT --mask 255.0.0.0 --rsource -j ACCEPT")]
    [TestCase("-A INPUT -m recent --remove -j DROP", "-A INPUT -m recent --remove --name DEFAULT --mask 255.255.255.255 --rsource -j DROP")]
    public void Recent(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [Test]
    public void Recent_default_mask_follows_the_family()
    {
        Assert.That(SaveText.Canonical("-A INPUT -m recent --set -j ACCEPT", family: IpFamily.V6),
            Is.EqualTo("-A INPUT -m recent --set --name DEFAULT --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -j ACCEPT"));
    }

    [TestCase("-A INPUT -m conntrack --ctstate dnat,INVALID,es,new,related,untracked,snat -j ACCEPT",
        "-A INPUT -m conntrack --ctstate INVALID,NEW,RELATED,ESTABLISHED,UNTRACKED,SNAT,DNAT -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack ! --ctstatus expected,seen_reply,assured,confirmed --ctexpire 5 ! --ctproto udp -j ACCEPT",
        "-A INPUT -m conntrack ! --ctproto 17 ! --ctstatus EXPECTED,SEEN_REPLY,ASSURED,CONFIRMED --ctexpire 5 -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctstatus none,assured -j ACCEPT", "-A INPUT -m conntrack --ctstatus ASSURED -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctstatus none -j ACCEPT", "-A INPUT -m conntrack --ctstatus NONE -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctdir original --ctreplsrc 1.2.3.0/24 ! --ctrepldst 5.6.7.8 --ctreplsrcport 5 --ctrepldstport 6:7 ! --ctorigsrcport 8 -j ACCEPT",
        "-A INPUT -m conntrack --ctreplsrc 1.2.3.0/24 ! --ctrepldst 5.6.7.8 ! --ctorigsrcport 8 --ctreplsrcport 5 --ctrepldstport 6:7 --ctdir ORIGINAL -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctorigdstport 10: --ctexpire 5: -j ACCEPT", "-A INPUT -m conntrack --ctorigdstport 10:65535 --ctexpire 5:4294967295 -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctorigdstport :10 --ctexpire :5 -j ACCEPT", "-A INPUT -m conntrack --ctorigdstport 0:10 --ctexpire 0:5 -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctorigdstport 20:10 --ctexpire 20:10 -j ACCEPT", "-A INPUT -m conntrack --ctorigdstport 20:10 --ctexpire 20:10 -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctproto tcp --ctdir reply --ctorigsrc 10 -j ACCEPT", "-A INPUT -m conntrack --ctproto 6 --ctorigsrc 0.0.0.10 --ctdir REPLY -j ACCEPT")]
    [TestCase("-A INPUT -m conntrack --ctorigsrc 10.1 --ctorigdst 1.2.0.0/255.255.0.0 -j ACCEPT", "-A INPUT -m conntrack --ctorigsrc 10.0.0.1 --ctorigdst 1.2.0.0/16 -j ACCEPT")]
    [TestCase("-A INPUT -m state --state n,es -j ACCEPT", "-A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT")]
    [TestCase("-A INPUT -m state ! --state INVALID,UNTRACKED -j ACCEPT", "-A INPUT -m state ! --state INVALID,UNTRACKED -j ACCEPT")]
    public void Conntrack_and_state(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    // Conntrack keeps an address's host bits; its mask is a prefix length (base 0), else a numeric
    // address whose contiguous prefix is kept and any other becomes a host mask. Expected lines
    // are iptables-legacy-save 1.8.9's (nft prints the same; ConntrackAddressesInRealIptablesTests).
    [TestCase("--ctorigdst 10.1.2.3/8 ! --ctrepldst 10.9.9.9/16", "--ctorigdst 10.1.2.3/8 ! --ctrepldst 10.9.9.9/16")]
    [TestCase("--ctorigsrc 192.168.1.77/255.255.0.0", "--ctorigsrc 192.168.1.77/16")]
    [TestCase("--ctorigsrc 192.168.1.77/255.255.0.255", "--ctorigsrc 192.168.1.77")]
    [TestCase("--ctorigsrc 192.168.1.77/0.0.0.255", "--ctorigsrc 192.168.1.77")]
    [TestCase("--ctorigsrc 192.168.1.77/33", "--ctorigsrc 192.168.1.77")]
    [TestCase("--ctorigsrc 192.168.1.77/010", "--ctorigsrc 192.168.1.77/8")]
    [TestCase("--ctorigsrc 192.168.1.77/0x10", "--ctorigsrc 192.168.1.77/16")]
    [TestCase("--ctorigsrc 192.168.1.77/+8", "--ctorigsrc 192.168.1.77/8")]
    [TestCase("--ctorigsrc 192.168.1.77/0.0.0.0", "--ctorigsrc 192.168.1.77/0")]
    [TestCase("--ctreplsrc 192.168.1.77/255.255.255.255", "--ctreplsrc 192.168.1.77")]
    [TestCase("--ctreplsrc 192.168.1.77/255.255.255.254", "--ctreplsrc 192.168.1.77/31")]
    public void Conntrack_addresses_keep_host_bits(string input, string expected) =>
        Assert.That(SaveText.Canonical("-A INPUT -m conntrack " + input + " -j ACCEPT"), Is.EqualTo("-A INPUT -m conntrack " + expected + " -j ACCEPT"));

    [TestCase("--ctorigsrc 2001:db8::77/0x80", "--ctorigsrc 2001:db8::77")]
    [TestCase("--ctorigsrc 2001:db8::77/ffff:ffff::", "--ctorigsrc 2001:db8::77/32")]
    [TestCase("--ctorigsrc 2001:db8::77/ffff:0:ffff::", "--ctorigsrc 2001:db8::77")]
    [TestCase("--ctorigsrc 2001:db8::77/64", "--ctorigsrc 2001:db8::77/64")]
    [TestCase("--ctorigsrc 2001:db8::77/::", "--ctorigsrc 2001:db8::77/0")]
    public void Conntrack_ipv6_addresses_keep_host_bits(string input, string expected) =>
        Assert.That(SaveText.Canonical("-A INPUT -m conntrack " + input + " -j ACCEPT", family: IpFamily.V6), Is.EqualTo("-A INPUT -m conntrack " + expected + " -j ACCEPT"));

    [TestCase("--ctorigsrc 192.168.1.77/24x", IpFamily.V4, 48, "invalid mask \"24x\" in conntrack: neither a valid network mask nor a prefix length 0-32")]
    [TestCase("--ctorigsrc 2001:db8::77/129", IpFamily.V6, 48, "invalid mask \"129\" in conntrack: neither a valid network mask nor a prefix length 0-128")]
    [TestCase("--ctorigsrc 1.2.3.4,5.6.7.8", IpFamily.V4, 35, "invalid address \"1.2.3.4,5.6.7.8\" in conntrack")]
    public void Conntrack_address_errors_name_the_column(string input, IpFamily family, int column, string message)
    {
        var e = Assert.Throws<DumpParseException>(() => SaveText.ParseRule("-A INPUT -m conntrack " + input + " -j ACCEPT", family: family))!;
        Assert.That(e.Message, Does.Contain(message));
        Assert.That(e.Column, Is.EqualTo(column));
    }

    [Test]
    public void A_conntrack_address_with_host_bits_is_not_its_network()
    {
        var kept = ((ConntrackMatch)SaveText.ParseRule("-A INPUT -m conntrack --ctorigdst 10.1.2.3/8 -j ACCEPT").Matches[0]).OriginalDestination!.Value;
        var network = ((ConntrackMatch)SaveText.ParseRule("-A INPUT -m conntrack --ctorigdst 10.0.0.0/8 -j ACCEPT").Matches[0]).OriginalDestination!.Value;
        Assert.That(kept.HasHostBits, Is.True);
        Assert.That(network.HasHostBits, Is.False);
        Assert.That(kept, Is.Not.EqualTo(network));
        Assert.That(kept.Contains(IpAddress.Parse("10.200.0.1")), Is.True);
        Assert.That(kept.Contains(IpAddress.Parse("11.1.2.3")), Is.False);
    }

    [TestCase("-A INPUT -m physdev ! --physdev-out veth1 --physdev-is-in ! --physdev-is-out -j ACCEPT", "-A INPUT -m physdev --physdev-is-in ! --physdev-is-out ! --physdev-out veth1 -j ACCEPT")]
    [TestCase("-A FORWARD -m physdev --physdev-in eth0 --physdev-out veth+ -j ACCEPT", "-A FORWARD -m physdev --physdev-in eth0 --physdev-out veth+ -j ACCEPT")]
    [TestCase("-A FORWARD -m physdev --physdev-is-bridged --physdev-in br0 --physdev-is-in -j ACCEPT", "-A FORWARD -m physdev --physdev-is-in --physdev-in br0 --physdev-is-bridged -j ACCEPT")]
    public void Physdev(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("-A INPUT -m set --match-set KUBE-X src -j ACCEPT", "-A INPUT -m set --match-set KUBE-X src -j ACCEPT")]
    [TestCase("-A INPUT -m set ! --match-set s dst,dst --return-nomatch -j ACCEPT", "-A INPUT -m set ! --match-set s dst,dst --return-nomatch -j ACCEPT")]
    [TestCase("-A INPUT -m set --set s src,dst,src -j ACCEPT", "-A INPUT -m set --match-set s src,dst,src -j ACCEPT")]
    public void Set(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [Test]
    public void Nfacct_prints_two_spaces_like_xtables_save_string_after_the_option()
    {
        Assert.That(SaveText.Canonical("-A INPUT -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP"),
            Is.EqualTo("-A INPUT -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP"));
        Assert.That(SaveText.ParseRule("-A INPUT -m nfacct --nfacct-name  \"a b\" -j DROP").Matches[0], Is.EqualTo(new NfacctMatch("a b")));
    }

    [TestCase("-A INPUT -p icmp -m icmp --icmp-type echo-request -j ACCEPT", "-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT")]
    [TestCase("-A INPUT -p icmp --icmp-type ping -j ACCEPT", "-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT")]
    [TestCase("-A INPUT -p icmp -m icmp ! --icmp-type port-unreachable -j ACCEPT", "-A INPUT -p icmp -m icmp ! --icmp-type 3/3 -j ACCEPT")]
    [TestCase("-A INPUT -p icmp -m icmp --icmp-type TOS-host-redirect -j ACCEPT", "-A INPUT -p icmp -m icmp --icmp-type 5/3 -j ACCEPT")]
    [TestCase("-A INPUT -p icmp -m icmp --icmp-type any -j ACCEPT", "-A INPUT -p icmp -m icmp --icmp-type any -j ACCEPT")]
    [TestCase("-A INPUT -p icmp -m icmp --icmp-type 3/255 -j ACCEPT", "-A INPUT -p icmp -m icmp --icmp-type 3/255 -j ACCEPT")]
    [TestCase("-A INPUT -p icmp -m icmp --icmp-type 8/0 -j ACCEPT", "-A INPUT -p icmp -m icmp --icmp-type 8/0 -j ACCEPT")]
    [TestCase("-A INPUT -p 1 --icmp-type 3 -j ACCEPT", "-A INPUT -p icmp -m icmp --icmp-type 3 -j ACCEPT")]
    public void Icmp(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("-A INPUT -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT", "-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT")]
    [TestCase("-A INPUT -p icmpv6 -m icmp6 --icmpv6-type port-unreachable -j ACCEPT", "-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 1/4 -j ACCEPT")]
    [TestCase("-A INPUT -p 58 -m icmp6 ! --icmpv6-type 1/4 -j ACCEPT", "-A INPUT -p ipv6-icmp -m icmp6 ! --icmpv6-type 1/4 -j ACCEPT")]
    public void Icmp6(string input, string expected) => Assert.That(SaveText.Canonical(input, family: IpFamily.V6), Is.EqualTo(expected));

    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4", "-A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --to 1.2.3.4:80-90", "-A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80-90")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:0x50-0x60", "-A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80-96")]
    [TestCase("-A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4-1.2.3.9:80-90/85 --persistent --random", "-A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4-1.2.3.9:80-90/85 --random --persistent")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination :8080", "-A PREROUTING -p tcp -j DNAT --to-destination :8080")]
    [TestCase("-A PREROUTING -p icmp -j DNAT --to-destination 1.2.3.4:5", "-A PREROUTING -p icmp -j DNAT --to-destination 1.2.3.4:5")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --random --to-destination 1.2.3.4", "-A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4 --random")]
    [TestCase("-A POSTROUTING -j SNAT --to-source 1.2.3.4 --persistent --random-fully --random", "-A POSTROUTING -j SNAT --to-source 1.2.3.4 --random --random-fully --persistent")]
    [TestCase("-A POSTROUTING -j MASQUERADE --random-fully --random", "-A POSTROUTING -j MASQUERADE --random --random-fully")]
    [TestCase("-A POSTROUTING -p udp -j MASQUERADE --to-ports 5-5", "-A POSTROUTING -p udp -j MASQUERADE --to-ports 5")]
    [TestCase("-A PREROUTING -p tcp -j REDIRECT --to-ports 5-7 --random", "-A PREROUTING -p tcp -j REDIRECT --to-ports 5-7 --random")]
    [TestCase("-A OUTPUT -p tcp -j REDIRECT --to-port 5", "-A OUTPUT -p tcp -j REDIRECT --to-ports 5")]
    public void Nat_targets(string input, string expected) => Assert.That(SaveText.Canonical(input, "nat"), Is.EqualTo(expected));

    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination [fd00::1]:80", "-A PREROUTING -p tcp -j DNAT --to-destination [fd00::1]:80")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination fd00::1", "-A PREROUTING -p tcp -j DNAT --to-destination fd00::1")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination [fd00::1]", "-A PREROUTING -p tcp -j DNAT --to-destination fd00::1")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination [fd00::1-fd00::5]:80-81", "-A PREROUTING -p tcp -j DNAT --to-destination [fd00::1-fd00::5]:80-81")]
    [TestCase("-A PREROUTING -p tcp -j DNAT --to-destination fd00::1-fd00::5", "-A PREROUTING -p tcp -j DNAT --to-destination fd00::1-fd00::5")]
    public void Nat_targets_ipv6(string input, string expected) => Assert.That(SaveText.Canonical(input, "nat", IpFamily.V6), Is.EqualTo(expected));

    [Test]
    public void Dnat_range_is_typed()
    {
        var target = (DnatTarget)SaveText.ParseRule("-A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4-1.2.3.9:80-90/85 --random", "nat").Target!;
        Assert.That(target.Range!.MinAddress, Is.EqualTo(IpAddress.Parse("1.2.3.4")));
        Assert.That(target.Range.MaxAddress, Is.EqualTo(IpAddress.Parse("1.2.3.9")));
        Assert.That(target.Range.Ports, Is.EqualTo(new PortRange(80, 90)));
        Assert.That(target.Range.BasePort, Is.EqualTo((ushort)85));
        Assert.That(target.Random, Is.True);
        Assert.That(target.Persistent, Is.False);
    }

    [TestCase("-A INPUT -j REJECT", "-A INPUT -j REJECT --reject-with icmp-port-unreachable")]
    [TestCase("-A INPUT -j REJECT --reject-with net-prohib", "-A INPUT -j REJECT --reject-with icmp-net-prohibited")]
    [TestCase("-A INPUT -j REJECT --reject-with host-unreach", "-A INPUT -j REJECT --reject-with icmp-host-unreachable")]
    [TestCase("-A INPUT -j REJECT --reject-with PORT-UNREACH", "-A INPUT -j REJECT --reject-with icmp-port-unreachable")]
    [TestCase("-A INPUT -j REJECT --reject-with icmp-", "-A INPUT -j REJECT --reject-with icmp-net-unreachable")]
    [TestCase("-A INPUT -p tcp -j REJECT --reject-with tcp-rst", "-A INPUT -p tcp -j REJECT --reject-with tcp-reset")]
    [TestCase("-A INPUT -j REJECT --reject-with admin-prohib", "-A INPUT -j REJECT --reject-with icmp-admin-prohibited")]
    public void Reject_aliases_print_canonical(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("-A INPUT -j REJECT", "-A INPUT -j REJECT --reject-with icmp6-port-unreachable")]
    [TestCase("-A INPUT -j REJECT --reject-with adm-prohibited", "-A INPUT -j REJECT --reject-with icmp6-adm-prohibited")]
    [TestCase("-A INPUT -j REJECT --reject-with no-route", "-A INPUT -j REJECT --reject-with icmp6-no-route")]
    public void Reject_ipv6(string input, string expected) => Assert.That(SaveText.Canonical(input, family: IpFamily.V6), Is.EqualTo(expected));

    [TestCase("-A INPUT -j LOG --log-prefix \"x y\" --log-level warning --log-uid", "-A INPUT -j LOG --log-prefix \"x y\" --log-uid")]
    [TestCase("-A INPUT -j LOG --log-prefix \"abc: \" --log-level 3", "-A INPUT -j LOG --log-prefix \"abc: \" --log-level 3")]
    [TestCase("-A INPUT -j LOG --log-macdecode --log-level 7 --log-ip-options --log-tcp-options --log-tcp-sequence", "-A INPUT -j LOG --log-level 7 --log-tcp-sequence --log-tcp-options --log-ip-options --log-macdecode")]
    [TestCase("-A INPUT -j LOG --log-prefix abc --log-level debug", "-A INPUT -j LOG --log-prefix abc --log-level 7")]
    [TestCase("-A INPUT -j LOG --log-prefix 0123456789012345678901234567890", "-A INPUT -j LOG --log-prefix 01234567890123456789012345678")]
    public void Log(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    [TestCase("-A INPUT -j QUEUE", "-A INPUT -j QUEUE")]
    [TestCase("-A INPUT -j RETURN", "-A INPUT -j RETURN")]
    [TestCase("-A INPUT -j X", "-A INPUT -j X")]
    [TestCase("-A INPUT -g X", "-A INPUT -g X")]
    [TestCase("-A INPUT -p tcp --dport 22 -g X", "-A INPUT -p tcp -m tcp --dport 22 -g X")]
    [TestCase("-A INPUT -s 10.9.9.9", "-A INPUT -s 10.9.9.9/32")]
    [TestCase("-A INPUT --jump ACCEPT --protocol udp --source 1.2.3.4 --dst 5.6.7.8 --in-interface eth0", "-A INPUT -s 1.2.3.4/32 -d 5.6.7.8/32 -i eth0 -p udp -j ACCEPT")]
    [TestCase("-A INPUT --sour 1.2.3.4 -j ACCEPT", "-A INPUT -s 1.2.3.4/32 -j ACCEPT")]
    [TestCase("-A INPUT -s 0.0.0.0/0 -d 1.2.3.4/0 -j ACCEPT", "-A INPUT -j ACCEPT")]
    [TestCase("-A INPUT ! -s 1.2.3.4/0 -j ACCEPT", "-A INPUT ! -s 0.0.0.0/0 -j ACCEPT")]
    [TestCase("-A INPUT -s 10.1 -d 0x0a.1 -j ACCEPT", "-A INPUT -s 10.1.0.0/32 -d 10.1.0.0/32 -j ACCEPT")]
    [TestCase("-A INPUT -s 10.1.2.3/0x18 -j ACCEPT", "-A INPUT -s 10.1.2.0/24 -j ACCEPT")]
    [TestCase("-A INPUT -s 10.0.0.0/255.255.255.0 -d 10.0.0.0/255.0.0.255 -j ACCEPT", "-A INPUT -s 10.0.0.0/24 -d 10.0.0.0/255.0.0.255 -j ACCEPT")]
    [TestCase("-A INPUT -i + -j ACCEPT", "-A INPUT -j ACCEPT")]
    [TestCase("-A INPUT ! -i + -j ACCEPT", "-A INPUT ! -i + -j ACCEPT")]
    [TestCase("-A FORWARD -i eth0+ ! -o br-1 -j ACCEPT", "-A FORWARD -i eth0+ ! -o br-1 -j ACCEPT")]
    [TestCase("-A INPUT -f -j ACCEPT", "-A INPUT -f -j ACCEPT")]
    [TestCase("-A INPUT ! -f -j ACCEPT", "-A INPUT ! -f -j ACCEPT")]
    [TestCase("-A INPUT -p all -j ACCEPT", "-A INPUT -j ACCEPT")]
    [TestCase("-A INPUT -p TCP -j ACCEPT", "-A INPUT -p tcp -j ACCEPT")]
    [TestCase("-A INPUT -p 0x6 -j ACCEPT", "-A INPUT -p tcp -j ACCEPT")]
    [TestCase("-A INPUT -p 4 -j ACCEPT", "-A INPUT -p ipencap -j ACCEPT")]
    [TestCase("-A INPUT -p 135 -j ACCEPT", "-A INPUT -p mobility-header -j ACCEPT")]
    [TestCase("-A INPUT ! -p 200 -j ACCEPT", "-A INPUT ! -p 200 -j ACCEPT")]
    // Attached values and quotes as iptables 1.8.9's option loop reads them: -m and -g take the
    // rest of the word, -i and -o the whole word (an interface may be named "-ieth0"); quotes are
    // gone before options are recognised.
    [TestCase("-A INPUT -gX", "-A INPUT -g X")]
    [TestCase("-A INPUT --goto=X", "-A INPUT -g X")]
    [TestCase("-A INPUT -mcomment --comment x -j ACCEPT", "-A INPUT -m comment --comment x -j ACCEPT")]
    [TestCase("-A INPUT -ieth0 -j ACCEPT", "-A INPUT -i -ieth0 -j ACCEPT")]
    [TestCase("-A INPUT -i=x -j ACCEPT", "-A INPUT -i -i=x -j ACCEPT")]
    [TestCase("-A INPUT \"-j\" ACCEPT", "-A INPUT -j ACCEPT")]
    [TestCase("-A INPUT \"!\" -s 1.2.3.4 \"--jump\" \"ACCEPT\"", "-A INPUT ! -s 1.2.3.4/32 -j ACCEPT")]
    [TestCase("-A INPUT -m comment --comment=\"a b\" -j ACCEPT", "-A INPUT -m comment --comment \"a b\" -j ACCEPT")]
    [TestCase("-A INPUT -m comment --comment \"-j\" -j ACCEPT", "-A INPUT -m comment --comment -j -j ACCEPT")]
    [TestCase("-A INPUT -m comment --comment= -j ACCEPT", "-A INPUT -m comment --comment \"\" -j ACCEPT")]
    // The rest of iptables' own option table: -v and --modprobe change nothing, -4 names the family,
    // --fragment is an abbreviation of --fragments.
    [TestCase("-A INPUT -v -s 1.2.3.4 --verbose -j ACCEPT", "-A INPUT -s 1.2.3.4/32 -j ACCEPT")]
    [TestCase("-A INPUT --modprobe /bin/true -M x -j ACCEPT", "-A INPUT -j ACCEPT")]
    [TestCase("-A INPUT -4 -s 1.2.3.4 -j ACCEPT", "-A INPUT -s 1.2.3.4/32 -j ACCEPT")]
    [TestCase("-A INPUT --fragments -j ACCEPT", "-A INPUT -f -j ACCEPT")]
    [TestCase("-A INPUT --frag -j ACCEPT", "-A INPUT -f -j ACCEPT")]
    [TestCase("-A INPUT -m statistic --mode random --probability 0.5 -j ACCEPT", "-A INPUT -m statistic --mode random --probability 0.50000000000 -j ACCEPT")]
    public void Generic_options(string input, string expected) => Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));

    /// <summary>Spellings iptables 1.8.9 refuses (checked in RejectedSpellingsInRealIptablesTests), refused here too.</summary>
    [TestCase("-A INPUT --source=1.2.3.4 -j ACCEPT", "iptables takes the whole word \"--source=1.2.3.4\" as the value of -s")]
    [TestCase("-A INPUT -s1.2.3.4 -j ACCEPT", "iptables takes the whole word \"-s1.2.3.4\" as the value of -s")]
    [TestCase("-A INPUT --dst=1.2.3.4 -j ACCEPT", "iptables takes the whole word \"--dst=1.2.3.4\" as the value of -d")]
    [TestCase("-A INPUT --protocol=6 -j ACCEPT", "iptables takes the whole word \"--protocol=6\" as the value of -p")]
    [TestCase("-A INPUT -ptcp -j ACCEPT", "iptables takes the whole word \"-ptcp\" as the value of -p")]
    [TestCase("-A INPUT --jump=ACCEPT", "iptables takes the whole word \"--jump=ACCEPT\" as the value of -j")]
    [TestCase("-A INPUT -jACCEPT", "iptables takes the whole word \"-jACCEPT\" as the value of -j")]
    [TestCase("-A INPUT --in-interface=eth0 -j ACCEPT", "interface name \"--in-interface=eth0\" in -i is longer than 15 characters")]
    [TestCase("-A INPUT -m comment --comment \"a\"\"b\" -j ACCEPT", "unexpected argument \"b\"")]
    [TestCase("-A INPUT -m comment --comment a\"b c\"d -j ACCEPT", "unexpected argument \"d\"")]
    [TestCase("-A INPUT -p tcp -m multiport --sports 1 --dport 22 -j ACCEPT", "multiport can only have one option")]
    [TestCase("-A INPUT -p tcp -m multiport --dports 1,2 -m comment --comment x --sport 22 -j ACCEPT", "multiport can only have one option")]
    [TestCase("-A INPUT -p tcp -m TCP --dport 5 -j ACCEPT", "no match named \"TCP\" (match names are in lower case; did you mean tcp?)")]
    [TestCase("-A INPUT -m Comment --comment x -j ACCEPT", "no match named \"Comment\" (match names are in lower case; did you mean comment?)")]
    [TestCase("-A INPUT -m LIMIT --limit 5/s -j ACCEPT", "no match named \"LIMIT\" (match names are in lower case)")]
    [TestCase("-A INPUT -m statistic --mod random --probability 0.5 -j ACCEPT", "option \"--mod\" is ambiguous (--modprobe, --mode)")]
    [TestCase("-A INPUT --ver -j ACCEPT", "option \"--ver\" is ambiguous (--verbose, --version)")]
    [TestCase("-A INPUT -n -j ACCEPT", "option \"-n\" cannot be used in a rule line")]
    [TestCase("-A INPUT --line-numbers -j ACCEPT", "option \"--line-numbers\" cannot be used in a rule line")]
    [TestCase("-A INPUT -w -j ACCEPT", "option \"-w\" cannot be used in a rule line")]
    [TestCase("-A INPUT -p udp -m udp --dport 0x35 -j ACCEPT", "invalid port \"0x35\" (the udp match reads ports in decimal only)")]
    [TestCase("-A INPUT -p udp -m udp --dport 2147483648 -j ACCEPT", "invalid port \"2147483648\" (iptables reads it as a negative number)")]
    [TestCase("-A INPUT -p udp -m udp --dport -5 -j ACCEPT", "invalid port \"-5\"")]
    [TestCase("-A INPUT -p udp -m udp --dport \"5 \" -j ACCEPT", "invalid port \"5 \"")]
    [TestCase("-A INPUT -p udp -m udp --dport 1:2:3 -j ACCEPT", "too many ports")]
    [TestCase("-A INPUT -p tcp -m tcp --dport 20:10 -j ACCEPT", "invalid port range \"20:10\"")]
    public void Spellings_iptables_refuses(string input, string message)
    {
        var e = Assert.Throws<DumpParseException>(() => SaveText.ParseRule(input))!;
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void Legacy_quirk_can_drop_inverted_wildcard_interfaces()
    {
        var table = SaveText.ParseTable("-A INPUT ! -i + -j ACCEPT");
        var legacy = NatDsl.Formats.Save.SaveRenderer.RenderTable(table, new NatDsl.Formats.Save.SaveRenderOptions { OmitInvertedWildcardInterface = true });
        Assert.That(legacy, Does.Contain("\n-A INPUT -j ACCEPT\n"));
        Assert.That(NatDsl.Formats.Save.SaveRenderer.RenderTable(table), Does.Contain("\n-A INPUT ! -i + -j ACCEPT\n"));
    }

    [TestCase("-A INPUT -m limit --limit 5/min --limit-burst 7 -s 1.2.3.4 -j ACCEPT", "-A INPUT -s 1.2.3.4/32 -m limit --limit 5/min --limit-burst 7 -j ACCEPT", "limit", " --limit 5/min --limit-burst 7")]
    [TestCase("-A INPUT -m foo -j ACCEPT", "-A INPUT -m foo -j ACCEPT", "foo", "")]
    [TestCase("-A INPUT -m string --string \"a b\"  --algo bm ! -p tcp -j ACCEPT", "-A INPUT ! -p tcp -m string --string \"a b\" --algo bm -j ACCEPT", "string", " --string \"a b\" --algo bm")]
    public void Unknown_matches_keep_their_option_text(string input, string expected, string module, string saveText)
    {
        Assert.That(SaveText.Canonical(input), Is.EqualTo(expected));
        Assert.That(SaveText.ParseRule(input).Matches[0], Is.EqualTo(new RawMatch(module, saveText, null)));
    }

    [TestCase("-A OUTPUT -j CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff", "CONNMARK", " --save-mark --nfmask 0xffffffff --ctmask 0xffffffff")]
    [TestCase("-A OUTPUT -j NOTRACK", "NOTRACK", "")]
    [TestCase("-A OUTPUT -p tcp -j TCPMSS --clamp-mss-to-pmtu -m comment --comment x", "TCPMSS", " --clamp-mss-to-pmtu")]
    [TestCase("-A OUTPUT -j WHATEVER --opt 1", "WHATEVER", " --opt 1")]
    public void Unknown_targets_keep_their_option_text(string input, string name, string saveText)
    {
        var rule = SaveText.ParseRule(input);
        Assert.That(rule.Target, Is.EqualTo(new RawTarget(name, saveText, null)));
        Assert.That(SaveText.Canonical(input), Does.Contain(" -j " + name + saveText));
    }

    [Test]
    public void A_jump_followed_by_options_of_a_loaded_match_is_a_chain_jump()
    {
        var rule = SaveText.ParseRule("-A INPUT -p tcp -m tcp -j X --dport 80");
        Assert.That(rule.Target, Is.EqualTo(new JumpTarget("X")));
        Assert.That(SaveRenderer(rule), Is.EqualTo("-A INPUT -p tcp -m tcp --dport 80 -j X"));
    }

    private static string SaveRenderer(Rule rule) => NatDsl.Formats.Save.SaveRenderer.RenderRule("INPUT", rule);
}
