using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// A rule prepared once for tracing: its header tests copied flat (no model objects to follow
/// per packet), the matches that a packet can fail kept in order (comments and random
/// statistics, which never fail, left out), the statistic chance and note and the step a trace
/// records computed once, the jump target resolved. Evaluating it gives exactly
/// <see cref="MatchEvaluator.Evaluate"/>'s answer for the rule.
/// </summary>
internal sealed class RulePlan
{
    private static readonly Match[] NoChecks = new Match[0];

    private readonly HeaderTests _tests;
    private readonly NetworkTest _source;
    private readonly NetworkTest _destination;
    private readonly int _protocol;
    private readonly Negatable<string>? _inInterface;
    private readonly Negatable<string>? _outInterface;
    private readonly PortCheck _first;
    private readonly Chances? _chance;
    private ChainPlan? _jumpPlan;
    private readonly Match[] _checks;

    public RulePlan(TraceIndex.Entry entry, int index, Rule rule)
    {
        Index = index;
        Rule = rule;
        if (rule.Source is { } src)
        {
            _tests |= src.Inverted ? HeaderTests.SourceInverted : HeaderTests.Source;
            _source = new NetworkTest(src.Value);
        }
        if (rule.Destination is { } dst)
        {
            _tests |= dst.Inverted ? HeaderTests.DestinationInverted : HeaderTests.Destination;
            _destination = new NetworkTest(dst.Value);
        }
        if (rule.Protocol is { } proto && proto.Value != 0)
        {
            _tests |= proto.Inverted ? HeaderTests.ProtocolInverted : HeaderTests.Protocol;
            _protocol = proto.Value;
        }
        if (rule.Fragment is { Inverted: false }) _tests |= HeaderTests.FragmentOnly;
        if (rule.InInterface is not null || rule.OutInterface is not null)
        {
            _tests |= HeaderTests.Interfaces;
            _inInterface = rule.InInterface;
            _outInterface = rule.OutInterface;
        }
        var chance = Probability.One;
        var note = string.Empty;
        StatisticChance? single = null;
        var statistics = 0;
        var checks = new System.Collections.Generic.List<Match>();
        foreach (var match in rule.Matches)
        {
            switch (match)
            {
                case CommentMatch:
                case NfacctMatch:
                    break;
                case StatisticMatch { Mode: StatisticMode.Random } random:
                    var statistic = StatisticChance.Of(random);
                    chance *= statistic.Chance;
                    note = statistic.Note;
                    single = statistic;
                    statistics++;
                    break;
                default:
                    checks.Add(match);
                    break;
            }
        }
        ReadsDestination = (_tests & (HeaderTests.Destination | HeaderTests.DestinationInverted)) != 0 || checks.Exists(MayReadDestination);
        if (checks.Count > 0)
        {
            // The first check is usually a port match (-p tcp -m tcp --dport P): kept flat.
            _first = PortCheck.Of(checks[0]);
            if (_first.IsPresent) checks.RemoveAt(0);
        }
        _checks = checks.Count == 0 ? NoChecks : checks.ToArray();
        ChangesDestination = rule.Target is DnatTarget or RedirectTarget;
        if (rule.Target is DnatTarget dnat)
        {
            DnatAddress = dnat.Range?.MinAddress;
            DnatPort = dnat.Range?.Ports is { } ports ? ports.First : -1;
        }
        Never = chance.IsZero;
        Certain = chance == Probability.One;
        if (!Certain) _chance = new Chances(chance, statistics == 1 ? single!.Miss : chance.Complement);
        Step = new TraceStep(entry.TableName, entry.Chain.Name, index, rule, note);
        Target = rule.Target;
        Kind = KindOf(rule.Target);
        if (rule.Target is JumpTarget jump)
        {
            Jump = entry.Owner.EntryOf(entry.TableName, jump.Chain);
            Goto = jump.Goto;
        }
    }

    /// <summary>Whether <see cref="Passes"/> may look at the packet's destination address or port.</summary>
    public bool ReadsDestination { get; }

    /// <summary>Whether the target rewrites (or reads) the destination: DNAT, REDIRECT.</summary>
    public bool ChangesDestination { get; }

    /// <summary>The rule's 0-based index in its chain.</summary>
    public int Index { get; }

    public Rule Rule { get; }

    /// <summary>The step a trace records when the rule matches (with the statistic note).</summary>
    public TraceStep Step { get; }

    /// <summary>The chance the rule matches when every other test passes (product of its random statistics).</summary>
    public Probability Chance => _chance?.Chance ?? Probability.One;

    /// <summary>1 − <see cref="Chance"/>.</summary>
    public Probability Miss => _chance?.Miss ?? Probability.Zero;

    /// <summary>Whether <see cref="Chance"/> is zero (a statistic that never matches).</summary>
    public bool Never { get; }

    /// <summary>Whether <see cref="Chance"/> is one (no statistic, or one that always matches): no branching.</summary>
    public bool Certain { get; }

    public Target? Target { get; }

    public PlanTarget Kind { get; }

    /// <summary>The entry of the chain a jump or goto leads to, or null (no jump, or a missing chain).</summary>
    public TraceIndex.Entry? Jump { get; }

    /// <summary>A DNAT's new destination address, or null to keep the packet's.</summary>
    public IpAddress? DnatAddress { get; }

    /// <summary>A DNAT's new destination port, or −1 to keep the packet's.</summary>
    public int DnatPort { get; }

    /// <summary>The prepared chain a jump or goto leads to (made on first use), or null.</summary>
    public ChainPlan? JumpPlan => _jumpPlan ?? (Jump is { } jump ? _jumpPlan = jump.Plan : null);

    /// <summary>True for <c>-g</c>.</summary>
    public bool Goto { get; }

    /// <summary>
    /// Whether a packet passes every test but the random statistics: true, false, or null with
    /// <paramref name="reason"/> when a match cannot be evaluated.
    /// </summary>
    public bool? Passes(TraceContext context, string hook, in BranchPacket packet, out string reason)
    {
        reason = string.Empty;
        var tests = _tests;
        if (tests != 0)
        {
            if ((tests & HeaderTests.FragmentOnly) != 0) return false;
            if ((tests & HeaderTests.Source) != 0 && !_source.Contains(packet.Source)) return false;
            if ((tests & HeaderTests.SourceInverted) != 0 && _source.Contains(packet.Source)) return false;
            if ((tests & HeaderTests.Destination) != 0 && !_destination.Contains(packet.Destination)) return false;
            if ((tests & HeaderTests.DestinationInverted) != 0 && _destination.Contains(packet.Destination)) return false;
            if ((tests & HeaderTests.Protocol) != 0 && _protocol != packet.Protocol) return false;
            if ((tests & HeaderTests.ProtocolInverted) != 0 && _protocol == packet.Protocol) return false;
            if ((tests & HeaderTests.Interfaces) != 0 && !MatchEvaluator.Interfaces(hook, _inInterface, _outInterface, packet)) return false;
        }
        if (_first.IsPresent && !_first.Passes(packet)) return false;
        var checks = _checks;
        for (var i = 0; i < checks.Length; i++)
        {
            switch (MatchEvaluator.Single(context, checks[i], packet, out reason))
            {
                case MatchEvaluator.Tri.No:
                    return false;
                case MatchEvaluator.Tri.Unknown:
                    return null;
            }
        }
        return true;
    }

    /// <summary>
    /// False only for matches known not to look at the destination (see
    /// <see cref="MatchEvaluator.Single"/>); any other match is assumed to.
    /// </summary>
    private static bool MayReadDestination(Match match) => match switch
    {
        CommentMatch or NfacctMatch or StatisticMatch or MarkMatch or StateMatch or RecentMatch or PhysdevMatch or ConntrackMatch => false,
        IcmpMatch or SetMatch or RawMatch => false,
        TcpMatch tcp => tcp.DestinationPort is not null,
        UdpMatch udp => udp.DestinationPort is not null,
        SctpMatch sctp => sctp.DestinationPort is not null,
        MultiportMatch multi => multi.Direction != MultiportDirection.Source,
        AddrTypeMatch addr => addr.DestinationType is not null,
        _ => true,
    };

    private static PlanTarget KindOf(Target? target) => target switch
    {
        null or LogTarget => PlanTarget.None,
        MarkTarget => PlanTarget.Mark,
        VerdictTarget => PlanTarget.Verdict,
        JumpTarget => PlanTarget.Jump,
        DnatTarget => PlanTarget.Dnat,
        _ => PlanTarget.Other,
    };

    [System.Flags]
    private enum HeaderTests
    {
        Source = 1,
        SourceInverted = 2,
        Destination = 4,
        DestinationInverted = 8,
        Protocol = 16,
        ProtocolInverted = 32,
        FragmentOnly = 64,
        Interfaces = 128,
    }

    /// <summary>A statistic rule's chance and its complement, kept apart from the rule's hot fields.</summary>
    private sealed class Chances
    {
        public Chances(Probability chance, Probability miss)
        {
            Chance = chance;
            Miss = miss;
        }

        public Probability Chance { get; }

        public Probability Miss { get; }
    }
}
