using System.Collections.Generic;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>
/// The text after the destination split into typed matches and target options, per extension
/// (texts from iptables-formats.md §4 and the vectors). Every case also renders back unchanged.
/// </summary>
public class ListingExtrasTests
{
    private static Negatable<PortRange> Port(int port, bool inverted = false) => new Negatable<PortRange>(PortRange.Single((ushort)port), inverted);

    private static Negatable<PortRange> Ports(int first, int last, bool inverted = false) => new Negatable<PortRange>(PortRange.Of(first, last), inverted);

    private static IpAddress Ip(string text) => IpAddress.Parse(text);

    private static TestCaseData Match(string prot, string extras, Match expected) =>
        new TestCaseData(prot, extras, expected).SetArgDisplayNames(extras);

    public static IEnumerable<TestCaseData> MatchCases()
    {
        yield return Match("0", "/* simple */", new CommentMatch("simple"));
        yield return Match("6", "tcp", new TcpMatch());
        yield return Match("6", "tcp dpt:80", new TcpMatch { DestinationPort = Port(80) });
        yield return Match("6", "tcp spt:53 dpts:1024:65535", new TcpMatch { SourcePort = Port(53), DestinationPort = Ports(1024, 65535) });
        yield return Match("6", "tcp dpt:!53", new TcpMatch { DestinationPort = Port(53, true) });
        yield return Match("6", "tcp spts:!1:1023", new TcpMatch { SourcePort = Ports(1, 1023, true) });
        yield return Match("6", "tcp option=2 flags:0x12/0x12", new TcpMatch { Option = new Negatable<byte>(2), Flags = new TcpFlagsMatch(TcpFlags.Syn | TcpFlags.Ack, TcpFlags.Syn | TcpFlags.Ack) });
        yield return Match("6", "tcp flags:0x17/0x02", new TcpMatch { Flags = new TcpFlagsMatch(TcpFlags.Fin | TcpFlags.Syn | TcpFlags.Rst | TcpFlags.Ack, TcpFlags.Syn) });
        yield return Match("6", "tcp flags:!0x17/0x02", new TcpMatch { Flags = new TcpFlagsMatch(TcpFlags.Fin | TcpFlags.Syn | TcpFlags.Rst | TcpFlags.Ack, TcpFlags.Syn, true) });
        yield return Match("6", "tcp flags:0x3F/0x00", new TcpMatch { Flags = new TcpFlagsMatch(TcpFlags.All, TcpFlags.None) });
        yield return Match("6", "tcp spt:!80 dpt:!443", new TcpMatch { SourcePort = Port(80, true), DestinationPort = Port(443, true) });
        yield return Match("17", "udp", new UdpMatch());
        yield return Match("17", "udp dpt:53", new UdpMatch { DestinationPort = Port(53) });
        yield return Match("17", "udp dpts:1024:65535", new UdpMatch { DestinationPort = Ports(1024, 65535) });
        yield return Match("17", "udp dpt:!53", new UdpMatch { DestinationPort = Port(53, true) });
        yield return Match("132", "sctp spt:5000 dpts:!1:2", new SctpMatch { SourcePort = Port(5000), DestinationPort = Ports(1, 2, true) });
        yield return Match("6", "multiport dports 80,443,8000:8080", new MultiportMatch(MultiportDirection.Destination, new[] { PortRange.Single(80), PortRange.Single(443), PortRange.Of(8000, 8080) }.ToValueList()));
        yield return Match("6", "multiport sports 1024:65535", new MultiportMatch(MultiportDirection.Source, new[] { PortRange.Of(1024, 65535) }.ToValueList()));
        yield return Match("17", "multiport ports 53,5353", new MultiportMatch(MultiportDirection.Either, new[] { PortRange.Single(53), PortRange.Single(5353) }.ToValueList()));
        yield return Match("6", "multiport dports  !22,25", new MultiportMatch(MultiportDirection.Destination, new[] { PortRange.Single(22), PortRange.Single(25) }.ToValueList(), true));
        yield return Match("0", "mark match 0x4000/0x4000", new MarkMatch(0x4000, 0x4000));
        yield return Match("0", "mark match 0x1", new MarkMatch(1));
        yield return Match("0", "mark match ! 0x4000/0x4000", new MarkMatch(0x4000, 0x4000, true));
        yield return Match("0", "statistic mode random probability 0.50000000000", StatisticMatch.Random(0.5));
        yield return Match("0", "statistic mode random ! probability 0.75000000000", StatisticMatch.Random(0.75, inverted: true));
        yield return Match("0", "statistic mode random probability 0.33333333349", StatisticMatch.Random(0.3333333333));
        yield return Match("0", "statistic mode random probability 0.10000000009", StatisticMatch.Random(0.1));
        yield return Match("0", "statistic mode random probability 0.33332999982", StatisticMatch.Random(0.33333));
        yield return Match("0", "statistic mode random probability 1.00000000000", StatisticMatch.Random(1));
        yield return Match("0", "statistic mode random probability 0.00000000000", StatisticMatch.Random(0));
        yield return Match("0", "statistic mode nth every 3 packet 1", new StatisticMatch { Mode = StatisticMode.Nth, Every = 3, Packet = 1 });
        yield return Match("0", "statistic mode nth ! every 2", new StatisticMatch { Mode = StatisticMode.Nth, Every = 2, Inverted = true });
        yield return Match("0", "ADDRTYPE match dst-type LOCAL", new AddrTypeMatch { DestinationType = new Negatable<AddressTypes>(AddressTypes.Local) });
        yield return Match("0", "ADDRTYPE match src-type !LOCAL", new AddrTypeMatch { SourceType = new Negatable<AddressTypes>(AddressTypes.Local, true) });
        yield return Match("0", "ADDRTYPE match src-type UNICAST,LOCAL limit-in", new AddrTypeMatch { SourceType = new Negatable<AddressTypes>(AddressTypes.Unicast | AddressTypes.Local), LimitInInterface = true });
        yield return Match("0", "ADDRTYPE match dst-type !LOCAL limit-out", new AddrTypeMatch { DestinationType = new Negatable<AddressTypes>(AddressTypes.Local, true), LimitOutInterface = true });
        yield return Match("0", "recent: SET name: KUBE-SEP-X side: source mask: 255.255.255.255", new RecentMatch { Command = RecentCommand.Set, Name = "KUBE-SEP-X" });
        yield return Match("0", "recent: CHECK seconds: 10800 reap name: X side: source mask: 255.255.255.255", new RecentMatch { Command = RecentCommand.Check, Seconds = 10800, Reap = true, Name = "X" });
        yield return Match("0", "recent: UPDATE seconds: 60 hit_count: 4 TTL-Match name: SSH side: dest mask: 255.255.255.0", new RecentMatch { Command = RecentCommand.Update, Seconds = 60, HitCount = 4, Ttl = true, Name = "SSH", Side = RecentSide.Destination, Mask = Ip("255.255.255.0") });
        yield return Match("0", "! recent: CHECK name: DEFAULT side: source mask: 255.255.255.255", new RecentMatch { Command = RecentCommand.Check, Inverted = true });
        yield return Match("0", "ctstate NEW", new ConntrackMatch { State = new Negatable<ConntrackStates>(ConntrackStates.New) });
        yield return Match("0", "! ctstate RELATED,ESTABLISHED,DNAT", new ConntrackMatch { State = new Negatable<ConntrackStates>(ConntrackStates.Related | ConntrackStates.Established | ConntrackStates.Dnat, true) });
        yield return Match("0", "ctstate DNAT ctorigdst 10.96.0.1 ctorigdstport 443", new ConntrackMatch
        {
            State = new Negatable<ConntrackStates>(ConntrackStates.Dnat),
            OriginalDestination = new Negatable<IpNetwork>(IpNetwork.Parse("10.96.0.1")),
            OriginalDestinationPort = Port(443),
        });
        yield return Match("0", "ctproto 6 ! ctorigsrc 10.0.0.0/8 ctexpire 10:20", new ConntrackMatch
        {
            Protocol = new Negatable<int>(6),
            OriginalSource = new Negatable<IpNetwork>(IpNetwork.Parse("10.0.0.0/8"), true),
            Expire = new Negatable<ExpireRange>(new ExpireRange(10, 20)),
        });
        yield return Match("0", "ctstatus ASSURED ctdir REPLY", new ConntrackMatch { Status = new Negatable<ConntrackStatuses>(ConntrackStatuses.Assured), Direction = ConntrackDirection.Reply });
        yield return Match("0", "state NEW,ESTABLISHED", new StateMatch(ConntrackStates.New | ConntrackStates.Established));
        yield return Match("0", "! state INVALID", new StateMatch(ConntrackStates.Invalid, true));
        yield return Match("0", "PHYSDEV match --physdev-is-bridged", new PhysdevMatch { IsBridged = new Negatable<bool>(true) });
        yield return Match("0", "PHYSDEV match ! --physdev-is-in", new PhysdevMatch { IsIn = new Negatable<bool>(true, true) });
        yield return Match("0", "PHYSDEV match --physdev-in eth0 --physdev-out veth+", new PhysdevMatch { In = new Negatable<string>("eth0"), Out = new Negatable<string>("veth+") });
        yield return Match("0", "PHYSDEV match --physdev-is-out ! --physdev-is-bridged", new PhysdevMatch { IsOut = new Negatable<bool>(true), IsBridged = new Negatable<bool>(true, true) });
        yield return Match("0", "match-set KUBE-LOOP-BACK src", new SetMatch("KUBE-LOOP-BACK", "src"));
        yield return Match("0", "! match-set KUBE-X dst,dst", new SetMatch("KUBE-X", "dst,dst", Inverted: true));
        yield return Match("0", "match-set KUBE-X dst,dst return-nomatch", new SetMatch("KUBE-X", "dst,dst", ReturnNoMatch: true));
        yield return Match("0", "nfacct-name  localhost_nps_accepted_pkts", new NfacctMatch("localhost_nps_accepted_pkts"));
        yield return Match("0", "nfacct-name  \"with space \\\"q\\\"\"", new NfacctMatch("with space \"q\""));
        yield return Match("1", "icmptype 8", new IcmpMatch(8));
        yield return Match("1", "icmptype 3 code 4", new IcmpMatch(3, 4, 4));
        yield return Match("1", "icmp !type 0 codes 1-2", new IcmpMatch(0, 1, 2, Inverted: true));
    }

    [TestCaseSource(nameof(MatchCases))]
    public void Match_text_is_read_as_a_typed_match(string prot, string extras, Match expected)
    {
        var rule = ListingSample.ParseRule("ACCEPT", prot, extras);
        Assert.That(rule.Matches, Is.EqualTo(new ValueList<Match>(new[] { expected })));
        Assert.That(rule.Target, Is.EqualTo(VerdictTarget.Accept));
    }

    private static TestCaseData Target(string target, string prot, string extras, Target expected, params Match[] matches) =>
        new TestCaseData(target, prot, extras, expected, matches).SetArgDisplayNames(target + " " + extras);

    public static IEnumerable<TestCaseData> TargetCases()
    {
        yield return Target("DNAT", "6", "tcp dpt:80 to:10.0.0.1", new DnatTarget(NatRange.To(Ip("10.0.0.1"))), new TcpMatch { DestinationPort = Port(80) });
        yield return Target("DNAT", "6", "tcp to:10.0.0.1:8080", new DnatTarget(NatRange.To(Ip("10.0.0.1"), 8080)), new TcpMatch());
        yield return Target("DNAT", "6", "tcp to:10.0.0.1-10.0.0.9:8000-8009", new DnatTarget(new NatRange { MinAddress = Ip("10.0.0.1"), MaxAddress = Ip("10.0.0.9"), Ports = PortRange.Of(8000, 8009) }), new TcpMatch());
        yield return Target("DNAT", "6", "tcp to::8080", new DnatTarget(new NatRange { Ports = PortRange.Single(8080) }), new TcpMatch());
        yield return Target("DNAT", "6", "tcp to:10.0.0.1:1000-2000/1500", new DnatTarget(new NatRange { MinAddress = Ip("10.0.0.1"), MaxAddress = Ip("10.0.0.1"), Ports = PortRange.Of(1000, 2000), BasePort = 1500 }), new TcpMatch());
        yield return Target("DNAT", "17", "udp dpt:85 to:10.0.0.1:53 random persistent", new DnatTarget(NatRange.To(Ip("10.0.0.1"), 53), Random: true, Persistent: true), new UdpMatch { DestinationPort = Port(85) });
        yield return Target("SNAT", "0", "to:198.51.100.7", new SnatTarget(NatRange.To(Ip("198.51.100.7"))));
        yield return Target("SNAT", "6", "to:198.51.100.8-198.51.100.9:1024-65535 random persistent", new SnatTarget(new NatRange { MinAddress = Ip("198.51.100.8"), MaxAddress = Ip("198.51.100.9"), Ports = PortRange.Of(1024, 65535) }, Random: true, Persistent: true));
        yield return Target("SNAT", "0", "to:1.2.3.4 random-fully", new SnatTarget(NatRange.To(Ip("1.2.3.4")), RandomFully: true));
        yield return Target("SNAT", "17", "to::5000-6000", new SnatTarget(new NatRange { Ports = PortRange.Of(5000, 6000) }));
        yield return Target("MASQUERADE", "0", string.Empty, new MasqueradeTarget());
        yield return Target("MASQUERADE", "6", "masq ports: 1024", new MasqueradeTarget(PortRange.Single(1024)));
        yield return Target("MASQUERADE", "17", "masq ports: 20000-30000 random", new MasqueradeTarget(PortRange.Of(20000, 30000), Random: true));
        yield return Target("MASQUERADE", "0", "random-fully", new MasqueradeTarget(RandomFully: true));
        yield return Target("MASQUERADE", "0", "random random-fully", new MasqueradeTarget(Random: true, RandomFully: true));
        yield return Target("MASQUERADE", "0", "/* kubernetes service traffic requiring SNAT */ random-fully", new MasqueradeTarget(RandomFully: true), new CommentMatch("kubernetes service traffic requiring SNAT"));
        yield return Target("REDIRECT", "6", "tcp dpt:88", new RedirectTarget(), new TcpMatch { DestinationPort = Port(88) });
        yield return Target("REDIRECT", "6", "redir ports 8086", new RedirectTarget(PortRange.Single(8086)));
        yield return Target("REDIRECT", "6", "redir ports 8000-8100 random", new RedirectTarget(PortRange.Of(8000, 8100), Random: true));
        yield return Target("REJECT", "6", "tcp dpt:443 reject-with tcp-reset", new RejectTarget("tcp-reset"), new TcpMatch { DestinationPort = Port(443) });
        yield return Target("REJECT", "0", "reject-with icmp-port-unreachable", new RejectTarget());
        yield return Target("REJECT", "0", "reject-with icmp-admin-prohibited", new RejectTarget("icmp-admin-prohibited"));
        yield return Target("MARK", "0", "MARK or 0x4000", MarkTarget.Or(0x4000));
        yield return Target("MARK", "0", "MARK and 0xff", MarkTarget.And(0xff));
        yield return Target("MARK", "0", "MARK xor 0x2", MarkTarget.Xor(2));
        yield return Target("MARK", "0", "MARK set 0x1", MarkTarget.Set(1));
        yield return Target("MARK", "0", "MARK xset 0x10/0xf0", MarkTarget.Set(0x10, 0xf0));
        yield return Target("MARK", "0", "MARK and 0x0", new MarkTarget(0, 0xffffffff));
        yield return Target("MARK", "0", "MARK or 0xffffffff", new MarkTarget(0xffffffff, 0xffffffff));
        yield return Target("LOG", "0", "LOG flags 0 level 4", new LogTarget());
        yield return Target("LOG", "0", "LOG flags 9 level 6 prefix \"drop \"x\": \"", new LogTarget { Flags = 9, Level = 6, Prefix = "drop \"x\": " });
        yield return Target("CONNMARK", "0", "CONNMARK save", new RawTarget("CONNMARK", null, "CONNMARK save"));
        yield return Target("NOTRACK", "0", string.Empty, new RawTarget("NOTRACK", null, string.Empty));
        yield return Target("X", "0", string.Empty, new JumpTarget("X"));
        yield return Target("X", "6", "/* to X */ tcp dpt:22", new JumpTarget("X"), new CommentMatch("to X"), new TcpMatch { DestinationPort = Port(22) });
        yield return Target("RETURN", "0", string.Empty, VerdictTarget.Return);
        yield return Target("DROP", "0", string.Empty, VerdictTarget.Drop);
        yield return Target("QUEUE", "0", string.Empty, new VerdictTarget(Verdict.Queue));
    }

    [TestCaseSource(nameof(TargetCases))]
    public void Target_text_is_read_as_typed_target_options(string target, string prot, string extras, Target expected, Match[] matches)
    {
        var rule = ListingSample.ParseRule(target, prot, extras);
        Assert.That(rule.Target, Is.EqualTo(expected));
        Assert.That(rule.Matches, Is.EqualTo(new ValueList<Match>(matches)));
    }

    [Test]
    public void Ip6_texts_use_brackets_and_ipv6_icmp()
    {
        Assert.That(ListingSample.ParseRule("DNAT", "6", "tcp to:[fd00::5]:8080", IpFamily.V6).Target, Is.EqualTo(new DnatTarget(NatRange.To(Ip("fd00::5"), 8080))));
        Assert.That(ListingSample.ParseRule("DNAT", "17", "udp to:fd00::6", IpFamily.V6).Target, Is.EqualTo(new DnatTarget(NatRange.To(Ip("fd00::6")))));
        Assert.That(ListingSample.ParseRule("DNAT", "6", "tcp to::8080", IpFamily.V6).Target, Is.EqualTo(new DnatTarget(new NatRange { Ports = PortRange.Single(8080) })));
        Assert.That(ListingSample.ParseRule("ACCEPT", "58", "ipv6-icmptype 128", IpFamily.V6).Matches[0], Is.EqualTo(new IcmpMatch(128, V6: true)));
        Assert.That(ListingSample.ParseRule("ACCEPT", "0", "recent: SET name: A side: source mask: ffff:ffff::", IpFamily.V6).Matches[0], Is.EqualTo(new RecentMatch { Command = RecentCommand.Set, Name = "A", Mask = Ip("ffff:ffff::") }));
    }

    [Test]
    public void A_goto_rule_is_a_goto_jump()
    {
        var text = ListingSample.Listing(1, ListingSample.Line("X", "6", string.Empty) + "[goto]  tcp dpt:22");
        var rule = NatDsl.Formats.Listing.ListingParser.Parse(text).Table.FindChain("INPUT")!.Rules[0];
        Assert.That(rule.Target, Is.EqualTo(new JumpTarget("X", Goto: true)));
        Assert.That(rule.Matches, Is.EqualTo(new ValueList<Match>(new Match[] { new TcpMatch { DestinationPort = Port(22) } })));
        Assert.That(NatDsl.Formats.Listing.ListingRenderer.Render(NatDsl.Formats.Listing.ListingParser.Parse(text)), Is.EqualTo(text));
    }

    [Test]
    public void A_protocol_match_needs_the_rule_protocol()
    {
        // The kernel refuses -m tcp without -p tcp, so "tcp dpt:80" on an all-protocol rule is unknown text.
        var rule = ListingSample.ParseRule("ACCEPT", "0", "tcp dpt:80");
        Assert.That(rule.Matches, Is.EqualTo(new ValueList<Match>(new Match[] { new RawMatch("tcp", null, "tcp dpt:80") })));
    }

    [Test]
    public void Unknown_match_text_is_kept_as_one_raw_match_between_known_ones()
    {
        var rule = ListingSample.ParseRule("ACCEPT", "6", "/* c */ limit: avg 3/hour burst 5 tcp dpt:22");
        Assert.That(rule.Matches, Is.EqualTo(new ValueList<Match>(new Match[]
        {
            new CommentMatch("c"),
            new RawMatch("limit", null, "limit: avg 3/hour burst 5"),
            new TcpMatch { DestinationPort = Port(22) },
        })));
    }

    [Test]
    public void Unknown_target_is_raw_with_its_text_and_unknown_match_text_stays_a_match()
    {
        var rule = ListingSample.ParseRule("NFLOG", "0", "mark match 0x1 nflog-prefix  drops nflog-group 2");
        Assert.That(rule.Target, Is.EqualTo(new RawTarget("NFLOG", null, string.Empty)));
        Assert.That(rule.Matches[1], Is.EqualTo(new RawMatch("nflog-prefix", null, "nflog-prefix  drops nflog-group 2")));
        var tcpmss = ListingSample.ParseRule("TCPMSS", "6", "tcp flags:0x06/0x02 TCPMSS clamp to PMTU");
        Assert.That(tcpmss.Target, Is.EqualTo(new RawTarget("TCPMSS", null, "TCPMSS clamp to PMTU")));
    }

    [Test]
    public void Unreadable_text_of_a_typed_target_is_kept_raw()
    {
        // DNAT revision 0 with two ranges: not modelled.
        var rule = ListingSample.ParseRule("DNAT", "6", "tcp to:10.0.0.1:80 to:10.0.0.2:80");
        Assert.That(rule.Target, Is.EqualTo(new RawTarget("DNAT", null, "to:10.0.0.1:80 to:10.0.0.2:80")));
        Assert.That(rule.Matches, Is.EqualTo(new ValueList<Match>(new Match[] { new TcpMatch() })));
    }

    [Test]
    public void Text_that_does_not_print_back_the_same_is_not_typed()
    {
        // Upper-case hex, a padded mark and a probability no stored value prints are not iptables output.
        Assert.That(ListingSample.ParseRule("ACCEPT", "0", "mark match 0x00004000").Matches[0], Is.InstanceOf<RawMatch>());
        Assert.That(ListingSample.ParseRule("ACCEPT", "0", "statistic mode random probability 0.33333333333").Matches[0], Is.InstanceOf<RawMatch>());
        Assert.That(ListingSample.ParseRule("ACCEPT", "6", "tcp flags:0x3f/0x00").Matches[0], Is.InstanceOf<RawMatch>());
    }
}
