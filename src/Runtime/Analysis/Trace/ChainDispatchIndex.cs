using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// What netfilter scans linearly, looked up: for a long chain, the rules a packet could match,
/// in rule order. A rule is filed under the destination host it requires (<c>-d A/32</c>), or
/// else under the protocol and destination port it requires (<c>-p tcp -m tcp --dport P</c>,
/// when every match before the port is one that can only say yes or no); every other rule is
/// a candidate for every packet. A rule that is not a candidate is exactly one whose header or
/// port test fails for that packet, so walking the candidates gives the linear walk's result.
/// </summary>
internal sealed class ChainDispatchIndex
{
    /// <summary>Chains shorter than this are walked linearly.</summary>
    public const int MinimumRules = 8;

    private static readonly int[] None = new int[0];

    private readonly Dictionary<IpAddress, int[]> _byDestination;
    private readonly Dictionary<long, int[]> _byPort;
    private readonly int[] _others;
    private readonly KeyFilter _destinations;
    private readonly KeyFilter _ports;

    private ChainDispatchIndex(Dictionary<IpAddress, int[]> byDestination, Dictionary<long, int[]> byPort, int[] others)
    {
        _byDestination = byDestination;
        _byPort = byPort;
        _others = others;
        _destinations = new KeyFilter(byDestination.Count);
        foreach (var key in byDestination.Keys) _destinations.Add(key.GetHashCode());
        _ports = new KeyFilter(byPort.Count);
        foreach (var key in byPort.Keys) _ports.Add(key.GetHashCode());
    }

    /// <summary>The index of a chain, or null when it is short or nothing in it can be filed.</summary>
    public static ChainDispatchIndex? Build(Chain chain)
    {
        var rules = chain.Rules;
        if (rules.Count < MinimumRules) return null;
        var byDestination = new Dictionary<IpAddress, List<int>>();
        var byPort = new Dictionary<long, List<int>>();
        var others = new List<int>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Destination is { Inverted: false } destination && destination.Value.IsHost)
            {
                Add(byDestination, destination.Value.Address, i);
            }
            else if (PortKey(rule) is long key)
            {
                Add(byPort, key, i);
            }
            else
            {
                others.Add(i);
            }
        }
        if (others.Count == rules.Count) return null;
        return new ChainDispatchIndex(Freeze(byDestination), Freeze(byPort), others.ToArray());
    }

    /// <summary>The candidate rules for a packet with these header fields, in rule order.</summary>
    public Candidates For(in BranchPacket packet)
    {
        Lookup(packet, out var a, out var b);
        return new Candidates(a, b, _others);
    }

    /// <summary>The candidates from the two lists of <see cref="Lookup"/>.</summary>
    public Candidates From(int[] byDestination, int[] byPort) => new Candidates(byDestination, byPort, _others);

    /// <summary>
    /// The rules filed under the packet's destination host and under its protocol and port
    /// (shared arrays: the same candidates are the same instances).
    /// </summary>
    public void Lookup(in BranchPacket packet, out int[] byDestination, out int[] byPort)
    {
        // Most packets walking a long chain match none of its filed keys (an endpoint's address
        // in a chain of service addresses): the small bit filter says so without touching the
        // dictionary's large, cold tables.
        var destination = packet.Destination;
        byDestination = _destinations.MayContain(destination.GetHashCode()) && _byDestination.TryGetValue(destination, out var d) ? d : None;
        var port = Key(packet.Protocol, packet.DestinationPort);
        byPort = _ports.MayContain(port.GetHashCode()) && _byPort.TryGetValue(port, out var p) ? p : None;
    }

    /// <summary>The (protocol, destination port) a rule requires, when a packet with others surely fails it.</summary>
    private static long? PortKey(Rule rule)
    {
        if (rule.Protocol is not { Inverted: false } protocol) return null;
        foreach (var match in rule.Matches)
        {
            switch (match)
            {
                case TcpMatch tcp when protocol.Value == 6:
                    if (tcp.Option is not null) return null;
                    return tcp.DestinationPort is { Inverted: false } t && t.Value.IsSingle ? Key(6, t.Value.First) : null;
                case UdpMatch udp when protocol.Value == 17:
                    return udp.DestinationPort is { Inverted: false } u && u.Value.IsSingle ? Key(17, u.Value.First) : null;
                case SctpMatch sctp when protocol.Value == 132:
                    return sctp.DestinationPort is { Inverted: false } s && s.Value.IsSingle ? Key(132, s.Value.First) : null;
                case CommentMatch:
                case NfacctMatch:
                case AddrTypeMatch:
                case MarkMatch:
                case StateMatch:
                case RecentMatch:
                case StatisticMatch { Mode: StatisticMode.Random }:
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    private static long Key(int protocol, int port) => ((long)protocol << 32) | (uint)port;

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int index)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<int>(2);
        list.Add(index);
    }

    private static Dictionary<TKey, int[]> Freeze<TKey>(Dictionary<TKey, List<int>> map)
        where TKey : notnull
    {
        var frozen = new Dictionary<TKey, int[]>(map.Count);
        foreach (var entry in map) frozen[entry.Key] = entry.Value.ToArray();
        return frozen;
    }

    /// <summary>Three ascending lists of rule indices, merged on the fly.</summary>
    public struct Candidates
    {
        private readonly int[] _a;
        private readonly int[] _b;
        private readonly int[] _c;
        private int _i;
        private int _j;
        private int _k;

        public Candidates(int[] a, int[] b, int[] c)
        {
            _a = a;
            _b = b;
            _c = c;
            _i = 0;
            _j = 0;
            _k = 0;
        }

        /// <summary>The next candidate at or after <paramref name="from"/>, or -1.</summary>
        public int Next(int from)
        {
            while (_i < _a.Length && _a[_i] < from) _i++;
            while (_j < _b.Length && _b[_j] < from) _j++;
            while (_k < _c.Length && _c[_k] < from) _k++;
            var best = int.MaxValue;
            if (_i < _a.Length) best = _a[_i];
            if (_j < _b.Length && _b[_j] < best) best = _b[_j];
            if (_k < _c.Length && _c[_k] < best) best = _c[_k];
            return best == int.MaxValue ? -1 : best;
        }
    }
}
