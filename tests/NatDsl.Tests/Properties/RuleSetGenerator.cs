using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NatDsl.Model;

namespace NatDsl.Tests.Properties;

/// <summary>
/// Generates valid rule sets that are not shaped like kube-proxy's: any of the four tables with
/// random user chains, and rules using every typed match and target of the model with random
/// valid values (addresses with CIDR and non-contiguous masks, interfaces with wildcards, every
/// inversion, protocols by number, fragments), raw extensions with save text, and counters up to
/// 2⁶⁴−1. Values are generated in the canonical form the save format keeps (e.g. no explicit
/// <c>0.0.0.0/0</c>), since a round trip is meant to be exact.
/// </summary>
public sealed class RuleSetGenerator
{
    private static readonly string[] Tables = { "filter", "nat", "mangle", "raw" };

    private static readonly Dictionary<string, string[]> Builtins = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["filter"] = new[] { "INPUT", "FORWARD", "OUTPUT" },
        ["nat"] = new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" },
        ["mangle"] = new[] { "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING" },
        ["raw"] = new[] { "PREROUTING", "OUTPUT" },
    };

    private static readonly string[] RawTargetNames = { "NFLOG", "TCPMSS", "CONNMARK", "CT", "TOS", "NOTRACK", "CLASSIFY", "TRACE" };

    private static readonly string[] RawMatchNames = { "limit", "hashlimit", "length", "owner", "iprange", "string", "time", "u32", "connlimit", "pkttype" };

    private static readonly string[] CommentSamples =
    {
        "simple_Word-09", "kube-system/kube-dns:dns", string.Empty, "a\\b \"q\" 's'", "/* nested */", "ünïcödé ✓", "tab\there", "  spaces  ", "-A X -j DROP", "COMMIT", "\"", "\\", "'", "*/",
    };

    private readonly Random _r;
    private readonly int _size;
    private readonly IpFamily _family;
    private readonly bool _raw;

    private RuleSetGenerator(Random r, int size, IpFamily family, bool raw)
    {
        _r = r;
        _size = size;
        _family = family;
        _raw = raw;
    }

    /// <summary>Rule sets with raw extensions (for the save round trip).</summary>
    public static Arbitrary<GeneratedRuleSet> WithRawExtensions() => Arbitrary(raw: true);

    /// <summary>Rule sets with typed extensions only (a listing shows raw extensions only as text).</summary>
    public static Arbitrary<GeneratedRuleSet> TypedOnly() => Arbitrary(raw: false);

    private static Arbitrary<GeneratedRuleSet> Arbitrary(bool raw) =>
        Arb.From(Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => new GeneratedRuleSet(Generate(new Random(seed), size, raw)))), Shrink);

    /// <summary>One rule set; <paramref name="size"/> bounds chains and rules per chain.</summary>
    public static RuleSet Generate(Random random, int size, bool raw) => Generate(random, size, raw, random.Next(3) == 0 ? IpFamily.V6 : IpFamily.V4);

    /// <summary>One rule set of <paramref name="family"/>.</summary>
    public static RuleSet Generate(Random random, int size, bool raw, IpFamily family)
    {
        var g = new RuleSetGenerator(random, Math.Max(size, 1), family, raw);
        var tables = Tables.Where(_ => random.Next(2) == 0).ToList();
        if (tables.Count == 0) tables.Add(Tables[random.Next(Tables.Length)]);
        return new RuleSet(family, tables.Select(g.Table).ToValueList());
    }

    /// <summary>Smaller rule sets: one rule fewer, one user chain fewer (jumps to it removed), one table fewer.</summary>
    public static IEnumerable<GeneratedRuleSet> Shrink(GeneratedRuleSet generated)
    {
        var rules = generated.RuleSet;
        for (var t = 0; t < rules.Tables.Count && rules.Tables.Count > 1; t++)
        {
            yield return new GeneratedRuleSet(rules with { Tables = rules.Tables.RemoveAt(t) });
        }
        for (var t = 0; t < rules.Tables.Count; t++)
        {
            var table = rules.Tables[t];
            for (var c = 0; c < table.Chains.Count; c++)
            {
                var chain = table.Chains[c];
                for (var i = 0; i < chain.Rules.Count; i++)
                {
                    var smaller = table with { Chains = table.Chains.SetItem(c, chain with { Rules = chain.Rules.RemoveAt(i) }) };
                    yield return new GeneratedRuleSet(rules with { Tables = rules.Tables.SetItem(t, smaller) });
                }
            }
        }
    }

    private Table Table(string name)
    {
        var userCount = _r.Next(Math.Min(_size, 6) + 1);
        var users = new SortedSet<string>(StringComparer.Ordinal);
        while (users.Count < userCount) users.Add(ChainName());
        var userList = users.ToList();
        var chains = new List<Chain>();
        foreach (var builtin in Builtins[name])
        {
            var policy = _r.Next(4) == 0 ? ChainPolicy.Drop : ChainPolicy.Accept;
            chains.Add(new Chain(builtin, policy, new Counters(Count(), Count()), Rules(name, builtin, userList)));
        }
        foreach (var user in userList) chains.Add(new Chain(user, null, null, Rules(name, user, userList)));
        return new Table(name, chains.ToValueList());
    }

    private ValueList<Rule> Rules(string table, string chain, List<string> userChains)
    {
        var count = _r.Next(Math.Min(_size, 10) + 1);
        var rules = new List<Rule>();
        for (var i = 0; i < count; i++) rules.Add(Rule(table, chain, userChains));
        return rules.ToValueList();
    }

    private Rule Rule(string table, string chain, List<string> userChains)
    {
        Negatable<int>? protocol = null;
        if (_r.Next(5) < 3)
        {
            var number = _r.Next(10) switch
            {
                0 or 1 or 2 => 6,
                3 or 4 => 17,
                5 => 132,
                6 => _family == IpFamily.V6 ? 58 : 1,
                7 => new[] { 47, 50, 51, 136, 33, 4 }[_r.Next(6)],
                _ => 1 + _r.Next(255),
            };
            if (_family == IpFamily.V6 && number == 1) number = 58;
            if (_family == IpFamily.V4 && number == 58) number = 1;
            protocol = new Negatable<int>(number, _r.Next(7) == 0);
        }
        var p = protocol is { Inverted: false } ? protocol.Value : 0;
        var matches = new List<Match>();
        var extra = _r.Next(4);
        for (var i = 0; i < extra; i++) matches.Add(OtherMatch());
        var typed = ProtocolMatch(p);
        if (typed is not null) matches.Insert(_r.Next(matches.Count + 1), typed);
        if (p is 6 or 17 or 132 or 136 or 33 && _r.Next(3) == 0) matches.Insert(_r.Next(matches.Count + 1), Multiport());
        if (_raw && _r.Next(5) == 0) matches.Insert(_r.Next(matches.Count + 1), RawMatchOf());
        return new Rule
        {
            Source = _r.Next(3) == 0 ? Address() : null,
            Destination = _r.Next(3) == 0 ? Address() : null,
            // iptables refuses -i in OUTPUT/POSTROUTING and -o in PREROUTING/INPUT.
            InInterface = chain is not ("OUTPUT" or "POSTROUTING") && _r.Next(5) == 0 ? Interface() : null,
            OutInterface = chain is not ("PREROUTING" or "INPUT") && _r.Next(5) == 0 ? Interface() : null,
            Protocol = protocol,
            Fragment = _family == IpFamily.V4 && _r.Next(12) == 0 ? new Negatable<bool>(true, _r.Next(2) == 0) : null,
            Matches = matches.ToValueList(),
            Target = Target(table, chain, p, userChains),
            Counters = new Counters(Count(), Count()),
        };
    }

    private Match? ProtocolMatch(int protocol)
    {
        if (_r.Next(4) == 0) return null;
        switch (protocol)
        {
            case 6:
                return new TcpMatch
                {
                    SourcePort = Maybe(PortRangeOf),
                    DestinationPort = Maybe(PortRangeOf),
                    Option = _r.Next(5) == 0 ? new Negatable<byte>((byte)(1 + _r.Next(255)), _r.Next(3) == 0) : null,
                    Flags = _r.Next(4) == 0 ? Flags() : null,
                };
            case 17:
                return new UdpMatch { SourcePort = Maybe(PortRangeOf), DestinationPort = Maybe(PortRangeOf) };
            case 132:
                return new SctpMatch { SourcePort = Maybe(PortRangeOf), DestinationPort = Maybe(PortRangeOf) };
            case 1:
            case 58:
            {
                var type = (byte)_r.Next(protocol == 1 ? 256 : 255);
                var coded = _r.Next(3) == 0 && type != 0xFF;
                var code = (byte)_r.Next(256);
                return new IcmpMatch(type, coded ? code : (byte)0, coded ? code : (byte)0xFF, _r.Next(4) == 0, protocol == 58);
            }
            default:
                return null;
        }
    }

    private Negatable<PortRange>? Maybe(Func<PortRange> ports)
    {
        if (_r.Next(3) == 0) return null;
        var range = ports();
        var inverted = _r.Next(4) == 0;
        if (!inverted && range.First == 0 && range.Last == 65535) return null;
        return new Negatable<PortRange>(range, inverted);
    }

    private PortRange PortRangeOf()
    {
        var first = Port();
        return _r.Next(3) == 0 ? PortRange.Of(first, first + _r.Next(65536 - first)) : PortRange.Single((ushort)first);
    }

    private int Port() => _r.Next(5) switch { 0 => 0, 1 => 65535, _ => _r.Next(65536) };

    private TcpFlagsMatch Flags()
    {
        var mask = (TcpFlags)_r.Next(1, 64);
        var compare = (TcpFlags)(_r.Next(64) & (int)mask);
        return new TcpFlagsMatch(mask, compare, _r.Next(4) == 0);
    }

    private MultiportMatch Multiport()
    {
        var ports = new List<PortRange>();
        var slots = 0;
        var wanted = 1 + _r.Next(8);
        while (ports.Count < wanted)
        {
            var first = _r.Next(65535);
            var range = _r.Next(3) == 0 ? PortRange.Of(first, first + 1 + _r.Next(65535 - first)) : PortRange.Single((ushort)first);
            var cost = range.IsSingle ? 1 : 2;
            if (slots + cost > 15) break;
            slots += cost;
            ports.Add(range);
        }
        return new MultiportMatch((MultiportDirection)_r.Next(3), ports.ToValueList(), _r.Next(4) == 0);
    }

    private Match OtherMatch()
    {
        switch (_r.Next(11))
        {
            case 0:
                return new CommentMatch(Comment());
            case 1:
                return new MarkMatch(Mark(), _r.Next(2) == 0 ? uint.MaxValue : Mark(), _r.Next(4) == 0);
            case 2:
            {
                var src = _r.Next(2) == 0 ? new Negatable<AddressTypes>(AddressTypeSet(), _r.Next(3) == 0) : null;
                var dst = src is null || _r.Next(2) == 0 ? new Negatable<AddressTypes>(AddressTypeSet(), _r.Next(3) == 0) : null;
                var limit = _r.Next(3);
                return new AddrTypeMatch { SourceType = src, DestinationType = dst, LimitInInterface = limit == 1, LimitOutInterface = limit == 2 };
            }
            case 3:
                if (_r.Next(2) == 0)
                {
                    var bits = _r.Next(4) switch { 0 => 0u, 1 => 0x80000000u, 2 => 0x40000000u, _ => (uint)_r.Next(int.MaxValue) };
                    return new StatisticMatch { Mode = StatisticMode.Random, ProbabilityBits = bits, Inverted = _r.Next(4) == 0 };
                }
                else
                {
                    var every = (uint)(1 + _r.Next(_r.Next(2) == 0 ? 10 : int.MaxValue));
                    return new StatisticMatch { Mode = StatisticMode.Nth, Every = every, Packet = (uint)_r.Next((int)Math.Min(every, int.MaxValue)), Inverted = _r.Next(4) == 0 };
                }
            case 4:
                return Recent();
            case 5:
                return Conntrack();
            case 6:
                // libxt_state knows INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED (not SNAT/DNAT).
                return new StateMatch((ConntrackStates)_r.Next(1, 32), _r.Next(4) == 0);
            case 7:
            {
                PhysdevMatch m;
                do
                {
                    m = new PhysdevMatch
                    {
                        In = _r.Next(3) == 0 ? new Negatable<string>(InterfaceName(), _r.Next(3) == 0) : null,
                        Out = _r.Next(3) == 0 ? new Negatable<string>(InterfaceName(), _r.Next(3) == 0) : null,
                        IsIn = _r.Next(3) == 0 ? new Negatable<bool>(true, _r.Next(3) == 0) : null,
                        IsOut = _r.Next(3) == 0 ? new Negatable<bool>(true, _r.Next(3) == 0) : null,
                        IsBridged = _r.Next(3) == 0 ? new Negatable<bool>(true, _r.Next(3) == 0) : null,
                    };
                }
                while (m == new PhysdevMatch());
                return m;
            }
            case 8:
            {
                var directions = string.Join(",", Enumerable.Range(0, 1 + _r.Next(6)).Select(_ => _r.Next(2) == 0 ? "src" : "dst"));
                return new SetMatch(Token(1, 31), directions, _r.Next(3) == 0, _r.Next(3) == 0);
            }
            case 9:
                return new NfacctMatch(_r.Next(3) == 0 ? Comment(31, ascii: true) : Token(1, 31));
            default:
                return new CommentMatch(Comment());
        }
    }

    private RecentMatch Recent()
    {
        var command = (RecentCommand)_r.Next(4);
        var checking = command is RecentCommand.Check or RecentCommand.Update;
        var seconds = checking && _r.Next(2) == 0 ? (uint)(1 + _r.Next(int.MaxValue)) : 0u;
        return new RecentMatch
        {
            Command = command,
            Seconds = seconds,
            Reap = seconds != 0 && _r.Next(2) == 0,
            HitCount = checking && _r.Next(3) == 0 ? (uint)(1 + _r.Next(_r.Next(2) == 0 ? 100 : int.MaxValue)) : 0u,
            Ttl = checking && _r.Next(4) == 0,
            Name = _r.Next(3) == 0 ? "DEFAULT" : Token(1, 40),
            Mask = _family == IpFamily.V4 ? IpAddress.MaskOf(IpFamily.V4, _r.Next(33)) : IpAddress.MaskOf(IpFamily.V6, _r.Next(129)),
            Side = _r.Next(2) == 0 ? RecentSide.Source : RecentSide.Destination,
            Inverted = _r.Next(4) == 0,
        };
    }

    private ConntrackMatch Conntrack()
    {
        ConntrackMatch m;
        do
        {
            m = new ConntrackMatch
            {
                State = _r.Next(2) == 0 ? new Negatable<ConntrackStates>((ConntrackStates)_r.Next(1, 128), _r.Next(3) == 0) : null,
                Protocol = _r.Next(4) == 0 ? new Negatable<int>(_r.Next(2) == 0 ? 6 : 1 + _r.Next(255), _r.Next(3) == 0) : null,
                OriginalSource = _r.Next(5) == 0 ? ConntrackAddress() : null,
                OriginalDestination = _r.Next(5) == 0 ? ConntrackAddress() : null,
                ReplySource = _r.Next(6) == 0 ? ConntrackAddress() : null,
                ReplyDestination = _r.Next(6) == 0 ? ConntrackAddress() : null,
                OriginalSourcePort = _r.Next(6) == 0 ? new Negatable<PortRange>(PortRangeOf(), _r.Next(3) == 0) : null,
                OriginalDestinationPort = _r.Next(5) == 0 ? new Negatable<PortRange>(PortRangeOf(), _r.Next(3) == 0) : null,
                ReplySourcePort = _r.Next(7) == 0 ? new Negatable<PortRange>(PortRangeOf(), _r.Next(3) == 0) : null,
                ReplyDestinationPort = _r.Next(7) == 0 ? new Negatable<PortRange>(PortRangeOf(), _r.Next(3) == 0) : null,
                Status = _r.Next(5) == 0 ? new Negatable<ConntrackStatuses>((ConntrackStatuses)_r.Next(16), _r.Next(3) == 0) : null,
                Expire = _r.Next(6) == 0 ? new Negatable<ExpireRange>(Expire(), _r.Next(3) == 0) : null,
                Direction = _r.Next(6) == 0 ? (ConntrackDirection)_r.Next(2) : null,
            };
        }
        while (m == new ConntrackMatch());
        return m;
    }

    private ExpireRange Expire()
    {
        var min = (uint)_r.Next(int.MaxValue);
        return _r.Next(2) == 0 ? new ExpireRange(min, min) : new ExpireRange(min, min + (uint)_r.Next(int.MaxValue));
    }

    private RawMatch RawMatchOf()
    {
        var name = RawMatchNames[_r.Next(RawMatchNames.Length)];
        var options = Enumerable.Range(0, _r.Next(4)).Select(_ => " --" + Token(1, 10).ToLowerInvariant() + (_r.Next(2) == 0 ? " " + _r.Next(100000).ToString(CultureInfo.InvariantCulture) : string.Empty));
        return new RawMatch(name, string.Concat(options), null);
    }

    private Target? Target(string table, string chain, int protocol, List<string> userChains)
    {
        var portable = protocol is 6 or 17 or 132 or 33;
        var choice = _r.Next(14);
        switch (choice)
        {
            case 0: return null;
            case 1: return VerdictTarget.Accept;
            case 2: return VerdictTarget.Drop;
            case 3: return VerdictTarget.Return;
            case 4: return new VerdictTarget(Verdict.Queue);
            case 5:
            case 6:
            {
                var targets = userChains.Where(c => c != chain).ToList();
                return targets.Count == 0 ? VerdictTarget.Accept : new JumpTarget(targets[_r.Next(targets.Count)], Goto: _r.Next(4) == 0);
            }
            case 7:
                return new LogTarget
                {
                    Level = (byte)_r.Next(8),
                    Prefix = _r.Next(2) == 0 ? string.Empty : Comment(29, ascii: false, nonEmpty: true),
                    Flags = (byte)(_r.Next(64) & 0x2F),
                };
            case 8:
                return new MarkTarget(Mark(), Mark());
            case 9:
                if (_raw)
                {
                    var name = RawTargetNames[_r.Next(RawTargetNames.Length)];
                    var options = Enumerable.Range(0, _r.Next(3)).Select(_ => " --" + Token(1, 12).ToLowerInvariant() + " " + _r.Next(65536).ToString(CultureInfo.InvariantCulture));
                    return new RawTarget(name, string.Concat(options), null);
                }
                return VerdictTarget.Drop;
        }
        if (table == "filter")
        {
            var with = _family == IpFamily.V4
                ? new[] { "icmp-net-unreachable", "icmp-host-unreachable", "icmp-port-unreachable", "icmp-proto-unreachable", "icmp-net-prohibited", "icmp-host-prohibited", "icmp-admin-prohibited" }
                : new[] { "icmp6-no-route", "icmp6-adm-prohibited", "icmp6-addr-unreachable", "icmp6-port-unreachable", "icmp6-policy-fail", "icmp6-reject-route" };
            return new RejectTarget(protocol == 6 && _r.Next(3) == 0 ? "tcp-reset" : with[_r.Next(with.Length)]);
        }
        if (table != "nat") return VerdictTarget.Accept;
        switch (_r.Next(4))
        {
            case 0: return new DnatTarget(NatRangeOf(portable, allowBase: true, required: true), _r.Next(3) == 0, _r.Next(3) == 0);
            case 1: return new SnatTarget(NatRangeOf(portable, allowBase: false, required: true), _r.Next(3) == 0, _r.Next(3) == 0, _r.Next(3) == 0);
            case 2: return new MasqueradeTarget(portable && _r.Next(2) == 0 ? PortRangeOf() : null, _r.Next(3) == 0, _r.Next(3) == 0);
            default: return new RedirectTarget(portable && _r.Next(2) == 0 ? PortRangeOf() : null, _r.Next(3) == 0);
        }
    }

    private NatRange NatRangeOf(bool portable, bool allowBase, bool required)
    {
        var withPorts = portable && _r.Next(2) == 0;
        var withAddress = !withPorts || _r.Next(4) != 0;
        var range = new NatRange();
        if (withAddress)
        {
            var min = Host();
            var max = _r.Next(3) == 0 ? Host() : min;
            if (max.CompareTo(min) < 0) (min, max) = (max, min);
            range = range with { MinAddress = min, MaxAddress = max };
        }
        if (withPorts)
        {
            var ports = PortRangeOf();
            range = range with { Ports = ports, BasePort = allowBase && !ports.IsSingle && _r.Next(3) == 0 ? (ushort)(1 + _r.Next(65535)) : null };
        }
        return range;
    }

    /// <summary>What conntrack stores: an address with its host bits and a prefix (never a non-contiguous mask).</summary>
    private Negatable<IpNetwork> ConntrackAddress()
    {
        var host = Host();
        var network = _r.Next(3) == 0 ? IpNetwork.Host(host) : IpNetwork.WithHostBits(host, _r.Next(host.BitLength + 1));
        return new Negatable<IpNetwork>(network, _r.Next(4) == 0);
    }

    private Negatable<IpNetwork> Address()
    {
        var host = Host();
        IpNetwork network;
        switch (_r.Next(4))
        {
            case 0:
                network = IpNetwork.Host(host);
                break;
            case 1:
                // A non-contiguous mask.
                var mask = _family == IpFamily.V4 ? IpAddress.FromV4((uint)_r.Next(int.MinValue, int.MaxValue) | 0x80000000u) : new IpAddress(IpFamily.V6, (ulong)_r.NextInt64() | 0x8000000000000000UL, (ulong)_r.NextInt64());
                network = new IpNetwork(host, mask);
                break;
            default:
                network = new IpNetwork(host, _r.Next(host.BitLength + 1));
                break;
        }
        var inverted = _r.Next(4) == 0;
        if (network.IsAny && !inverted) inverted = true;
        return new Negatable<IpNetwork>(network, inverted);
    }

    private IpAddress Host() => _family == IpFamily.V4
        ? IpAddress.FromV4((uint)_r.Next(int.MinValue, int.MaxValue))
        : _r.Next(3) == 0 ? IpAddress.Parse("::ffff:" + IpAddress.FromV4((uint)_r.Next()).ToString()) : new IpAddress(IpFamily.V6, (ulong)_r.NextInt64(), _r.Next(2) == 0 ? (ulong)_r.Next(65536) : (ulong)_r.NextInt64());

    private Negatable<string> Interface()
    {
        var name = _r.Next(6) == 0 ? "+" : InterfaceName();
        return new Negatable<string>(name, name == "+" || _r.Next(4) == 0);
    }

    private string InterfaceName()
    {
        const string chars = "abcdefghijklmnopqrstuvwxyz0123456789.-_";
        var length = 1 + _r.Next(_r.Next(4) == 0 ? 15 : 6);
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++) sb.Append(chars[_r.Next(i == 0 ? 26 : chars.Length)]);
        if (sb.Length < 15 && _r.Next(4) == 0) sb.Append('+');
        return sb.ToString();
    }

    private string ChainName()
    {
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-abcdefghijklmnopqrstuvwxyz.";
        while (true)
        {
            var length = _r.Next(4) == 0 ? 28 : 1 + _r.Next(20);
            var sb = new StringBuilder();
            for (var i = 0; i < length; i++) sb.Append(chars[_r.Next(i == 0 ? 36 : chars.Length)]);
            var name = sb.ToString();
            if (name is "ACCEPT" or "DROP" or "RETURN" or "QUEUE" or "PREROUTING" or "INPUT" or "FORWARD" or "OUTPUT" or "POSTROUTING") continue;
            if (RawTargetNames.Contains(name) || name is "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" or "REJECT" or "LOG" or "MARK" or "CT" or "HL" or "LED" or "SET" or "TEE" or "TOS" or "TTL" or "SAME") continue;
            return name;
        }
    }

    private string Token(int min, int max)
    {
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        var length = min + _r.Next(max - min + 1);
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++) sb.Append(chars[_r.Next(i == 0 ? 52 : chars.Length)]);
        return sb.ToString();
    }

    private string Comment(int maxBytes = 255, bool ascii = false, bool nonEmpty = false)
    {
        string text;
        do
        {
            if (_r.Next(3) == 0)
            {
                text = CommentSamples[_r.Next(CommentSamples.Length)];
            }
            else
            {
                const string chars = "abcXYZ019 _-/.:;,$\"\\'*!#%&()[]{}=+?~|^`<>@";
                var sb = new StringBuilder();
                var length = _r.Next(4) == 0 ? maxBytes : _r.Next(Math.Min(maxBytes, 40) + 1);
                for (var i = 0; i < length; i++)
                {
                    sb.Append(!ascii && _r.Next(12) == 0 ? "äé✓😀"[_r.Next(4)] : chars[_r.Next(chars.Length)]);
                    if (char.IsHighSurrogate(sb[sb.Length - 1])) sb.Append('\uDE00');
                }
                text = sb.ToString();
            }
            while (Encoding.UTF8.GetByteCount(text) > maxBytes) text = text.Substring(0, text.Length - 1);
            if (text.Length > 0 && char.IsHighSurrogate(text[text.Length - 1])) text = text.Substring(0, text.Length - 1);
        }
        while ((nonEmpty || ascii) && text.Length == 0);
        return text;
    }

    private AddressTypes AddressTypeSet() => (AddressTypes)_r.Next(1, 1 << 12);

    private uint Mark() => _r.Next(4) switch { 0 => 0u, 1 => uint.MaxValue, 2 => 0x4000u, _ => (uint)_r.Next(int.MinValue, int.MaxValue) };

    private Counter Count() => new Counter(_r.Next(6) switch
    {
        0 => 0UL,
        1 => ulong.MaxValue,
        2 => ulong.MaxValue - (ulong)_r.Next(1000),
        3 => (ulong)_r.Next(100000),
        _ => (ulong)_r.NextInt64(),
    });
}
