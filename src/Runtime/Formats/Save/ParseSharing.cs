using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// The strings and immutable model values one parse shares between its rules, one instance per
/// distinct value: a dump repeats chain names, comments, protocols, port and statistic matches
/// and whole match lists on thousands of rules, and each shared instance is one object less to
/// allocate and for the collector to promote. Model values are immutable with value equality,
/// so sharing is invisible in the result. Used by one thread at a time: a worker's context keeps
/// one for every piece it parses (its strings go further, to <see cref="SharedTokens"/>).
/// </summary>
internal sealed class ParseSharing
{
    private const int NetworkSlots = 256;
    private const int PortSlots = 256;
    private const int RecentMatchSlots = 64;

    private readonly SharedProtocols _protocols = new SharedProtocols();
    private readonly JumpTarget?[] _jumps = new JumpTarget?[64];
    private readonly Negatable<IpNetwork>?[] _networks = new Negatable<IpNetwork>?[NetworkSlots];
    private readonly Negatable<PortRange>?[] _ports = new Negatable<PortRange>?[PortSlots];
    private readonly Dictionary<Match, Match> _matches = new Dictionary<Match, Match>();

    /// <summary>Shared matches by identity, a few: a match found here is known to be the shared instance without hashing its value.</summary>
    private readonly Match?[] _recentMatches = new Match?[RecentMatchSlots];
    private ValueList<Match>?[] _lists = new ValueList<Match>?[256];
    private int[] _listHashes = new int[256];
    private int _listCount;

    /// <summary>The shared strings of the parse.</summary>
    public TokenPool Pool { get; } = new TokenPool();

    /// <summary>One string instance per distinct text for the whole parse (chain names and comments the model keeps).</summary>
    public string Share(string text) => Pool.Intern(text);

    /// <summary><c>-p</c> with protocol <paramref name="number"/>, one instance per value.</summary>
    public Negatable<int> Protocol(int number, bool inverted) => _protocols.Of(number, inverted);

    /// <summary>
    /// <c>-j CHAIN</c>: the jumps to the chains most rules jump to (KUBE-MARK-MASQ, ...) shared
    /// through a small cache by name (most jumps of a kube-proxy dump go to a chain jumped to once,
    /// which a dictionary of every name would only make larger).
    /// </summary>
    /// <param name="chain">The chain's name.</param>
    /// <param name="pooled">True when <paramref name="chain"/> is already <see cref="Pool"/>'s string.</param>
    public JumpTarget Jump(string chain, bool pooled = false)
    {
        // Slot by length and last characters: cheap, and where generated chain names differ.
        var length = chain.Length;
        var slot = ((length * 31) + (length > 0 ? chain[length - 1] * 7 : 0) + (length > 1 ? chain[length - 2] : 0)) & (_jumps.Length - 1);
        var cached = _jumps[slot];
        if (cached is not null && string.Equals(cached.Chain, chain, System.StringComparison.Ordinal)) return cached;
        var jump = new JumpTarget(pooled ? chain : Share(chain));
        _jumps[slot] = jump;
        return jump;
    }

    /// <summary>
    /// <c>[!] -s/-d NETWORK</c>, shared through a small cache by value: the networks that repeat
    /// (a pod CIDR on every service, a load balancer's source ranges) stay in it, while the many
    /// that appear once (an endpoint's address) only pass through.
    /// </summary>
    public Negatable<IpNetwork> Network(IpNetwork network, bool inverted)
    {
        var slot = (network.GetHashCode() ^ (inverted ? 0x5bd1e995 : 0)) & (NetworkSlots - 1);
        var cached = _networks[slot];
        if (cached is not null && cached.Inverted == inverted && cached.Value.Equals(network)) return cached;
        var value = new Negatable<IpNetwork>(network, inverted);
        _networks[slot] = value;
        return value;
    }

    /// <summary><c>[!] --sport/--dport RANGE</c> and the like, shared through a small cache by value.</summary>
    public Negatable<PortRange> Ports(PortRange range, bool inverted)
    {
        var slot = ((range.First * 31) + range.Last + (inverted ? 7919 : 0)) & (PortSlots - 1);
        var cached = _ports[slot];
        if (cached is not null && cached.Inverted == inverted && cached.Value.Equals(range)) return cached;
        var value = new Negatable<PortRange>(range, inverted);
        _ports[slot] = value;
        return value;
    }

    /// <summary>
    /// The first <paramref name="count"/> matches of <paramref name="matches"/> (a scratch array the
    /// caller reuses) as one instance per distinct match, in a list shared with every rule that has
    /// an equal list; a new list (and array) is made only for a list not seen before.
    /// </summary>
    public ValueList<Match> Matches(Match[] matches, int count)
    {
        if (count == 0) return ValueList<Match>.Empty;
        // Equal matches become one instance, so equal lists are lists of the same instances.
        var hash = count;
        for (var i = 0; i < count; i++)
        {
            var match = matches[i];
            var identity = RuntimeHelpers.GetHashCode(match);
            var recent = identity & (RecentMatchSlots - 1);
            if (!ReferenceEquals(_recentMatches[recent], match))
            {
                // Not one of the instances handed out last (parsers hand the same instance out again).
                if (_matches.TryGetValue(match, out var shared)) matches[i] = match = shared;
                else _matches.Add(match, match);
                identity = RuntimeHelpers.GetHashCode(match);
                _recentMatches[identity & (RecentMatchSlots - 1)] = match;
            }
            hash = (hash * 31) + identity;
        }
        var mask = _lists.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var list = _lists[slot];
            if (list is null) break;
            if (_listHashes[slot] == hash && SameInstances(list, matches, count)) return list;
            slot = (slot + 1) & mask;
        }
        var items = new Match[count];
        System.Array.Copy(matches, items, count);
        var created = ValueList<Match>.Own(items);
        _lists[slot] = created;
        _listHashes[slot] = hash;
        if (++_listCount * 2 > _lists.Length) GrowLists();
        return created;
    }

    private static bool SameInstances(ValueList<Match> list, Match[] matches, int count)
    {
        if (list.Count != count) return false;
        for (var i = 0; i < count; i++)
        {
            if (!ReferenceEquals(list[i], matches[i])) return false;
        }
        return true;
    }

    private void GrowLists()
    {
        var old = _lists;
        var oldHashes = _listHashes;
        _lists = new ValueList<Match>?[old.Length * 2];
        _listHashes = new int[old.Length * 2];
        var mask = _lists.Length - 1;
        for (var i = 0; i < old.Length; i++)
        {
            var list = old[i];
            if (list is null) continue;
            var slot = oldHashes[i] & mask;
            while (_lists[slot] is not null) slot = (slot + 1) & mask;
            _lists[slot] = list;
            _listHashes[slot] = oldHashes[i];
        }
    }
}
