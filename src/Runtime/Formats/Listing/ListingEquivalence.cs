using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Maps any rule set to what an <c>iptables -L -n</c> listing of a given form can represent, so that
/// a model parsed from <c>iptables-save</c> text (or built by the compiler) and one parsed from a
/// listing of the same rules compare equal after mapping both: <c>Map(a, form) == Map(b, form)</c>.
/// </summary>
/// <remarks>
/// <para>The mapping sends every model to a canonical representative of the models that a listing of
/// the given form shows alike. What a listing cannot represent, and how the mapping
/// treats it (docs/formats/listing-limits.md has the same list with examples):</para>
/// <list type="number">
/// <item><description>Chain order: a listing prints built-in chains in hook order and user chains sorted
/// by <c>strcmp</c>; the mapping sorts chains that way.</description></item>
/// <item><description>User-chain counters (<c>:CHAIN - [p:b]</c> of iptables-save): never listed; set to null.</description></item>
/// <item><description>Without <c>-v</c>: rule counters, policy counters and the <c>-i</c>/<c>-o</c>
/// interfaces; all set to null.</description></item>
/// <item><description>Without <c>-x</c>: exact counts above 99 999; counters become the shown value with
/// its K/M/G/T unit (cascaded rounding, wrap near 2⁶⁴), as <see cref="ListingCounters.Shown(Counter)"/>.
/// With <c>-x</c> a counter known only rounded becomes its estimate. Missing counters print as 0
/// and map to 0.</description></item>
/// <item><description><c>-i +</c> / <c>-o +</c> (any interface, listed as <c>+</c>, omitted by iptables-save):
/// mapped to no interface.</description></item>
/// <item><description>An explicit <c>-s 0.0.0.0/0</c> (<c>::/0</c>) or <c>-p all</c> without <c>!</c>:
/// listed like their absence; mapped to null. A fragment flag on IPv6 (not listed) and a fragment
/// value of false: null.</description></item>
/// <item><description>Options that print nothing: tcp/udp/sctp ports <c>0:65535</c>, <c>--tcp-option 0</c>,
/// <c>--tcp-flags</c> with an empty mask (all without <c>!</c>); the statistic fields of the mode not
/// in use; addrtype types that are empty; physdev flags that are false; an empty NAT range. Mapped
/// to their absence.</description></item>
/// <item><description>Comment matches: <c>/* a */ /* b */</c> is also the one comment
/// <c>a */ /* b</c>, and <c>/* a */ tcp dpt:80 /* b */</c> the one comment <c>a */ tcp dpt:80 /* b</c>;
/// everything from a rule's first comment to its last is merged into one comment holding the
/// listing text between them (the parser's reading).</description></item>
/// <item><description>Adjacent conntrack matches whose options follow each other in print order read
/// as one match; they are merged.</description></item>
/// <item><description>Extensions the model does not know: a listing shows only their text (not the
/// module name, nor the save options), a save dump only their options. <see cref="RawMatch"/>es
/// become one opaque raw match per run, <see cref="RawTarget"/>s keep only their name (with
/// <c>keepListingText</c>, both keep their listing text, for comparing two listings).</description></item>
/// <item><description>Rule numbers and <c>(N references)</c> are derived from the model, not information.</description></item>
/// <item><description>Not handled here: the table name (a listing names no table; the parser infers it,
/// and filter and security have the same built-in chains), other tables, and the text of unknown
/// extensions between known ones (which words belong to which extension is a best effort).</description></item>
/// </list>
/// </remarks>
public static class ListingEquivalence
{
    /// <summary>Maps every table of a rule set as a listing of <paramref name="form"/> would show it.</summary>
    /// <param name="ruleSet">Any rule set.</param>
    /// <param name="form">The listing form (verbose, exact…); its family and dialect do not matter.</param>
    /// <param name="keepListingText">Keep the listing text of unknown extensions (compare two listings).</param>
    public static RuleSet Map(RuleSet ruleSet, ListingForm form, bool keepListingText = false)
    {
        if (ruleSet is null) throw new ArgumentNullException(nameof(ruleSet));
        if (form is null) throw new ArgumentNullException(nameof(form));
        var tables = new List<Table>();
        foreach (var table in ruleSet.Tables) tables.Add(Map(table, form, ruleSet.Family, keepListingText));
        return ruleSet with { Tables = tables.ToValueList() };
    }

    /// <summary>Maps one table as a listing of <paramref name="form"/> would show it.</summary>
    public static Table Map(Table table, ListingForm form, IpFamily family, bool keepListingText = false)
    {
        if (table is null) throw new ArgumentNullException(nameof(table));
        if (form is null) throw new ArgumentNullException(nameof(form));
        var chains = new List<Chain>();
        foreach (var chain in BuiltinChains.ListingOrder(table.Chains))
        {
            var rules = new List<Rule>();
            foreach (var rule in chain.Rules) rules.Add(MapRule(rule, form, family, keepListingText));
            chains.Add(chain with
            {
                Counters = chain.IsBuiltin && form.Verbose ? MapCounters(chain.Counters, form) : null,
                Rules = rules.ToValueList(),
            });
        }
        return table with { Chains = chains.ToValueList() };
    }

    /// <summary>True when two rule sets look the same in a listing of <paramref name="form"/>.</summary>
    public static bool AreEquivalent(RuleSet a, RuleSet b, ListingForm form, bool keepListingText = false) =>
        Map(a, form, keepListingText) == Map(b, form, keepListingText);

    private static Rule MapRule(Rule rule, ListingForm form, IpFamily family, bool keepListingText) => rule with
    {
        Counters = form.Verbose ? MapCounters(rule.Counters, form) : null,
        InInterface = form.Verbose ? MapInterface(rule.InInterface) : null,
        OutInterface = form.Verbose ? MapInterface(rule.OutInterface) : null,
        Source = rule.Source is { Inverted: false } s && s.Value.IsAny ? null : rule.Source,
        Destination = rule.Destination is { Inverted: false } d && d.Value.IsAny ? null : rule.Destination,
        Protocol = rule.Protocol is { Value: 0, Inverted: false } ? null : rule.Protocol,
        Fragment = family == IpFamily.V6 || rule.Fragment is { Value: false } ? null : rule.Fragment,
        Matches = MapMatches(rule.Matches, keepListingText),
        Target = MapTarget(rule.Target, keepListingText),
    };

    private static Counters MapCounters(Counters? counters, ListingForm form)
    {
        var c = counters ?? Counters.Zero;
        return new Counters(MapCounter(c.Packets, form), MapCounter(c.Bytes, form));
    }

    private static Counter MapCounter(Counter counter, ListingForm form) =>
        form.ExactCounters ? new Counter(counter.Estimate) : ListingCounters.Shown(counter);

    private static Negatable<string>? MapInterface(Negatable<string>? name) =>
        name is null || (!name.Inverted && (name.Value == "+" || name.Value.Length == 0)) ? null : name;

    private static ValueList<Match> MapMatches(ValueList<Match> matches, bool keepListingText)
    {
        var result = new List<Match>();
        foreach (var original in matches)
        {
            var match = MapMatch(original, keepListingText);
            var previous = result.Count > 0 ? result[result.Count - 1] : null;
            switch (previous, match)
            {
                case (CommentMatch a, CommentMatch b):
                    result[result.Count - 1] = new CommentMatch(a.Text + " */ /* " + b.Text);
                    continue;
                case (ConntrackMatch a, ConntrackMatch b) when ConntrackOptions.CanMerge(a, b):
                    result[result.Count - 1] = ConntrackOptions.Merge(a, b);
                    continue;
                case (RawMatch, RawMatch) when !keepListingText:
                    continue;
                case (RawMatch a, RawMatch b):
                    result[result.Count - 1] = new RawMatch(string.Empty, null, a.ListingText + " " + b.ListingText);
                    continue;
            }
            result.Add(match);
        }
        MergeCommentSpan(result);
        return result.ToValueList();
    }

    /// <summary>
    /// <c>/* a */ X /* b */</c> is also the one comment <c>a */ X /* b</c>, whatever X prints; the
    /// parser reads the fewest items, so everything from the first comment to the last one becomes
    /// one comment holding the listing text between them.
    /// </summary>
    private static void MergeCommentSpan(List<Match> matches)
    {
        var first = matches.FindIndex(m => m is CommentMatch);
        var last = matches.FindLastIndex(m => m is CommentMatch);
        if (first < 0 || last <= first) return;
        var text = new System.Text.StringBuilder(((CommentMatch)matches[first]).Text).Append(" */");
        for (var i = first + 1; i < last; i++) text.Append(' ').Append(MatchTextWriter.Write(matches[i]));
        text.Append(" /* ").Append(((CommentMatch)matches[last]).Text);
        matches.RemoveRange(first, last - first + 1);
        matches.Insert(first, new CommentMatch(text.ToString()));
    }

    private static Match MapMatch(Match match, bool keepListingText) => match switch
    {
        TcpMatch m => m with
        {
            SourcePort = MapPorts(m.SourcePort),
            DestinationPort = MapPorts(m.DestinationPort),
            Option = m.Option is { Value: 0, Inverted: false } ? null : m.Option,
            Flags = m.Flags is { Mask: TcpFlags.None, Inverted: false } ? null : m.Flags,
        },
        UdpMatch m => m with { SourcePort = MapPorts(m.SourcePort), DestinationPort = MapPorts(m.DestinationPort) },
        SctpMatch m => m with { SourcePort = MapPorts(m.SourcePort), DestinationPort = MapPorts(m.DestinationPort) },
        StatisticMatch m => m.Mode == StatisticMode.Random ? m with { Every = 0, Packet = 0 } : m with { ProbabilityBits = 0 },
        AddrTypeMatch m => m with
        {
            SourceType = m.SourceType is { Value: AddressTypes.None } ? null : m.SourceType,
            DestinationType = m.DestinationType is { Value: AddressTypes.None } ? null : m.DestinationType,
        },
        PhysdevMatch m => m with
        {
            IsIn = m.IsIn is { Value: false } ? null : m.IsIn,
            IsOut = m.IsOut is { Value: false } ? null : m.IsOut,
            IsBridged = m.IsBridged is { Value: false } ? null : m.IsBridged,
        },
        RawMatch m => new RawMatch(string.Empty, null, keepListingText ? m.ListingText : null),
        _ => match,
    };

    private static Negatable<PortRange>? MapPorts(Negatable<PortRange>? ports) =>
        ports is { Inverted: false } p && p.Value.First == 0 && p.Value.Last == ushort.MaxValue ? null : ports;

    private static Target? MapTarget(Target? target, bool keepListingText) => target switch
    {
        DnatTarget t => t with { Range = MapRange(t.Range) },
        SnatTarget t => t with { Range = MapRange(t.Range) },
        RawTarget t => new RawTarget(t.TargetName, null, keepListingText ? t.ListingText : null),
        _ => target,
    };

    private static NatRange? MapRange(NatRange? range)
    {
        if (range is null) return null;
        var mapped = range with
        {
            MaxAddress = range.MinAddress is null ? null : range.MaxAddress ?? range.MinAddress,
            BasePort = range.Ports is null ? null : range.BasePort,
        };
        return mapped.MinAddress is null && mapped.Ports is null ? null : mapped;
    }
}
