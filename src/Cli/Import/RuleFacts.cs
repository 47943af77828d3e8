using System;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>Small readings of one rule of the model: comment, protocol, destination port, jump target.</summary>
internal static class RuleFacts
{
    /// <summary>The text of the rule's first comment match, or null.</summary>
    public static string? Comment(Rule rule)
    {
        foreach (var match in rule.Matches)
        {
            if (match is CommentMatch comment) return comment.Text;
        }
        return null;
    }

    /// <summary>The protocol of <c>-p</c> when it is tcp, udp or sctp (not inverted).</summary>
    public static Protocol? Protocol(Rule rule)
    {
        if (rule.Protocol is not { Inverted: false } p) return null;
        return p.Value switch
        {
            6 => Spec.Protocol.Tcp,
            17 => Spec.Protocol.Udp,
            132 => Spec.Protocol.Sctp,
            _ => null,
        };
    }

    /// <summary>The single destination port of the tcp/udp/sctp match, or 0.</summary>
    public static int DestinationPort(Rule rule)
    {
        foreach (var match in rule.Matches)
        {
            Negatable<PortRange>? port = match switch
            {
                TcpMatch tcp => tcp.DestinationPort,
                UdpMatch udp => udp.DestinationPort,
                SctpMatch sctp => sctp.DestinationPort,
                _ => null,
            };
            if (port is { Inverted: false } p && p.Value.First == p.Value.Last) return p.Value.First;
        }
        return 0;
    }

    /// <summary>The chain a rule jumps to (<c>-j CHAIN</c>), or null.</summary>
    public static string? Jump(Rule rule) => rule.Target is JumpTarget { Goto: false } jump ? jump.Chain : null;

    /// <summary>Whether the rule jumps to a chain whose name starts with <paramref name="prefix"/>.</summary>
    public static bool JumpsTo(Rule rule, string prefix) => Jump(rule) is { } chain && chain.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>The host address of a non-inverted <c>-d ip/32</c> (or /128), or null.</summary>
    public static IpAddress? DestinationHost(Rule rule) =>
        rule.Destination is { Inverted: false } d && d.Value.IsHost ? d.Value.Address : null;

    /// <summary>Whether the rule has a match of type <typeparamref name="T"/>.</summary>
    public static bool Has<T>(Rule rule)
        where T : Match
    {
        foreach (var match in rule.Matches)
        {
            if (match is T) return true;
        }
        return false;
    }

    /// <summary>The first match of type <typeparamref name="T"/>, or null.</summary>
    public static T? First<T>(Rule rule)
        where T : Match
    {
        foreach (var match in rule.Matches)
        {
            if (match is T found) return found;
        }
        return null;
    }
}
