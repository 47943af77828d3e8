using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>
/// A model as iptables-save (or the compiler) gives it and one parsed from a listing of the same
/// rules are equal after <see cref="ListingEquivalence.Map(RuleSet, ListingForm, bool)"/>.
/// </summary>
public class ListingEquivalenceTests
{
    private static Negatable<IpNetwork> Net(string text, bool inverted = false) => new Negatable<IpNetwork>(IpNetwork.Parse(text), inverted);

    /// <summary>
    /// The seed's nat table shaped like a save-parsed model: exact counters, user chains with
    /// [0:0], chains in declaration order, explicit /32 and 0.0.0.0/0, -p tcp -m tcp.
    /// </summary>
    private static RuleSet SaveLikeSeedPart()
    {
        var prerouting = new Chain("PREROUTING", ChainPolicy.Accept, Counters.Of(598, 37844), new[]
        {
            new Rule
            {
                Source = Net("0.0.0.0/0"),
                Protocol = new Negatable<int>(0),
                InInterface = new Negatable<string>("+"),
                Matches = new Match[] { new CommentMatch("kubernetes service portals") }.ToValueList(),
                Target = new JumpTarget("KUBE-SERVICES"),
                Counters = Counters.Of(28044, 1705000),
            },
        }.ToValueList());
        var output = new Chain("OUTPUT", ChainPolicy.Accept, Counters.Of(6966, 418000), new[]
        {
            new Rule
            {
                Matches = new Match[] { new CommentMatch("kubernetes service portals") }.ToValueList(),
                Target = new JumpTarget("KUBE-SERVICES"),
                Counters = Counters.Of(496000, 30000000),
            },
        }.ToValueList());
        var sep = new Chain("KUBE-SEP-2ETOGMBR3D5CXS34", null, Counters.Zero, new[]
        {
            new Rule { Source = Net("10.254.28.6/32"), Target = new JumpTarget("KUBE-MARK-MASQ"), Counters = Counters.Zero },
            new Rule
            {
                Protocol = new Negatable<int>(6),
                Matches = new Match[] { new TcpMatch { SourcePort = new Negatable<PortRange>(PortRange.Of(0, 65535)) } }.ToValueList(),
                Target = new DnatTarget(new NatRange { MinAddress = IpAddress.Parse("10.254.28.6"), Ports = PortRange.Single(8080) }),
                Counters = Counters.Zero,
            },
        }.ToValueList());
        var mark = new Chain("KUBE-MARK-MASQ", null, Counters.Zero, new[] { new Rule { Target = MarkTarget.Or(0x4000) } }.ToValueList());
        var services = new Chain("KUBE-SERVICES", null, Counters.Zero, new[] { new Rule { Target = new JumpTarget("KUBE-SEP-2ETOGMBR3D5CXS34") } }.ToValueList());
        return new RuleSet(IpFamily.V4, new[] { new Table("nat", new[] { sep, mark, services, output, prerouting }.ToValueList()) }.ToValueList());
    }

    private const string SeedPartListing =
        "Chain PREROUTING (policy ACCEPT 598 packets, 37844 bytes)\n"
        + " pkts bytes target     prot opt in     out     source               destination         \n"
        + "28044 1705K KUBE-SERVICES  all  --  *      *       0.0.0.0/0            0.0.0.0/0            /* kubernetes service portals */\n"
        + "\n"
        + "Chain OUTPUT (policy ACCEPT 6966 packets, 418K bytes)\n"
        + " pkts bytes target     prot opt in     out     source               destination         \n"
        + " 496K   30M KUBE-SERVICES  all  --  *      *       0.0.0.0/0            0.0.0.0/0            /* kubernetes service portals */\n"
        + "\n"
        + "Chain KUBE-MARK-MASQ (1 references)\n"
        + " pkts bytes target     prot opt in     out     source               destination         \n"
        + "    0     0 MARK       all  --  *      *       0.0.0.0/0            0.0.0.0/0            MARK or 0x4000\n"
        + "\n"
        + "Chain KUBE-SEP-2ETOGMBR3D5CXS34 (1 references)\n"
        + " pkts bytes target     prot opt in     out     source               destination         \n"
        + "    0     0 KUBE-MARK-MASQ  all  --  *      *       10.254.28.6          0.0.0.0/0           \n"
        + "    0     0 DNAT       tcp  --  *      *       0.0.0.0/0            0.0.0.0/0            tcp to:10.254.28.6:8080\n"
        + "\n"
        + "Chain KUBE-SERVICES (2 references)\n"
        + " pkts bytes target     prot opt in     out     source               destination         \n"
        + "    0     0 KUBE-SEP-2ETOGMBR3D5CXS34  all  --  *      *       0.0.0.0/0            0.0.0.0/0           \n";

    [Test]
    public void Save_like_model_and_listing_model_are_equal_under_the_listing_form()
    {
        // A listing names no table: PREROUTING and OUTPUT alone are raw's built-ins, so the caller says "nat".
        Assert.That(ListingParser.Parse(SeedPartListing).Table.Name, Is.EqualTo("raw"));
        var listing = ListingParser.Parse(SeedPartListing, tableName: "nat");
        var save = SaveLikeSeedPart();
        Assert.That(save, Is.Not.EqualTo(listing.RuleSet));
        Assert.That(ListingEquivalence.Map(save, listing.Form), Is.EqualTo(ListingEquivalence.Map(listing.RuleSet, listing.Form)));
        // The mapped model renders as the listing ("-i +" is written "+" unmapped, "*" once mapped).
        Assert.That(ListingRenderer.Render(ListingEquivalence.Map(save, listing.Form), "nat", listing.Form), Is.EqualTo(SeedPartListing));
        Assert.That(ListingRenderer.Render(save, "nat", listing.Form), Does.Contain("KUBE-SERVICES  all  --  +      *"));
    }

    [Test]
    public void Mapping_to_a_poorer_form_drops_what_it_cannot_show()
    {
        var mapped = ListingEquivalence.Map(SaveLikeSeedPart(), ListingForm.Numeric).Tables[0];
        Assert.That(mapped.Chains.Select(c => c.Name), Is.EqualTo(new[] { "PREROUTING", "OUTPUT", "KUBE-MARK-MASQ", "KUBE-SEP-2ETOGMBR3D5CXS34", "KUBE-SERVICES" }));
        Assert.That(mapped.Chains.All(c => c.Counters is null && c.Rules.All(r => r.Counters is null && r.InInterface is null)), Is.True);
        var exact = ListingEquivalence.Map(SaveLikeSeedPart(), ListingForm.VerboseExact).Tables[0];
        Assert.That(exact.FindChain("OUTPUT")!.Counters, Is.EqualTo(Counters.Of(6966, 418000)));
        Assert.That(exact.FindChain("KUBE-SERVICES")!.Counters, Is.Null);
        var rounded = ListingEquivalence.Map(SaveLikeSeedPart(), ListingForm.VerboseNumeric).Tables[0];
        Assert.That(rounded.FindChain("OUTPUT")!.Counters, Is.EqualTo(new Counters(new Counter(6966), new Counter(418, CounterScale.Kilo))));
    }

    [Test]
    public void What_a_listing_shows_differently_stays_different()
    {
        var form = ListingForm.VerboseNumeric;
        var a = SaveLikeSeedPart();
        Rule Edit(RuleSet set) => set.Tables[0].FindChain("PREROUTING")!.Rules[0];
        RuleSet With(System.Func<Rule, Rule> change)
        {
            var table = a.Tables[0];
            var chains = table.Chains.Select(c => c.Name == "PREROUTING" ? c with { Rules = c.Rules.SetItem(0, change(c.Rules[0])) } : c).ToValueList();
            return a with { Tables = new[] { table with { Chains = chains } }.ToValueList() };
        }
        Assert.That(ListingEquivalence.AreEquivalent(a, With(r => r with { InInterface = new Negatable<string>("eth0") }), form), Is.False);
        Assert.That(ListingEquivalence.AreEquivalent(a, With(r => r with { InInterface = new Negatable<string>("eth0") }), ListingForm.Numeric), Is.True);
        Assert.That(ListingEquivalence.AreEquivalent(a, With(r => r with { Source = Net("0.0.0.0/0", inverted: true) }), form), Is.False);
        Assert.That(ListingEquivalence.AreEquivalent(a, With(r => r with { Counters = Counters.Of(28044, 1705499) }), form), Is.True);
        Assert.That(ListingEquivalence.AreEquivalent(a, With(r => r with { Counters = Counters.Of(28044, 1705500) }), form), Is.False);
        Assert.That(Edit(a).InInterface, Is.Not.Null);
    }

    [Test]
    public void Unknown_extensions_compare_opaquely_unless_listing_text_is_kept()
    {
        var fromSave = new Rule { Matches = new Match[] { new RawMatch("limit", " --limit 3/hour", null) }.ToValueList(), Target = new RawTarget("CONNMARK", " --save-mark --nfmask 0xffffffff --ctmask 0xffffffff", null) };
        var fromListing = new Rule { Matches = new Match[] { new RawMatch("limit", null, "limit: avg 3/hour burst 5") }.ToValueList(), Target = new RawTarget("CONNMARK", null, "CONNMARK save") };
        Assert.That(MapRule(fromSave, false), Is.EqualTo(MapRule(fromListing, false)));
        Assert.That(MapRule(fromSave, true), Is.Not.EqualTo(MapRule(fromListing, true)));
        var other = fromListing with { Target = new RawTarget("NOTRACK", null, string.Empty) };
        Assert.That(MapRule(other, false), Is.Not.EqualTo(MapRule(fromListing, false)));
    }

    [Test]
    public void Adjacent_conntrack_matches_in_print_order_read_as_one()
    {
        var two = new Rule
        {
            Matches = new Match[]
            {
                new ConntrackMatch { State = new Negatable<ConntrackStates>(ConntrackStates.New) },
                new ConntrackMatch { Status = new Negatable<ConntrackStatuses>(ConntrackStatuses.Assured) },
            }.ToValueList(),
        };
        var listing = ListingSample.ParseRule(string.Empty, "0", "ctstate NEW ctstatus ASSURED");
        Assert.That(listing.Matches, Has.Count.EqualTo(1));
        Assert.That(MapRule(two, false), Is.EqualTo(MapRule(listing, false)));
        var reversed = two with { Matches = two.Matches.Reverse().ToValueList() };
        Assert.That(MapRule(reversed, false).Matches, Has.Count.EqualTo(2));
    }

    private static Rule MapRule(Rule rule, bool keepListingText)
    {
        var table = new Table("filter", new[] { new Chain("INPUT", ChainPolicy.Accept, rules: new[] { rule }.ToValueList()) }.ToValueList());
        return ListingEquivalence.Map(table, ListingForm.Numeric, IpFamily.V4, keepListingText).Chains[0].Rules[0];
    }
}
