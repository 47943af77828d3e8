using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The options of a conntrack match in the order a listing prints them, for telling whether two
/// adjacent conntrack matches print as if they were one.
/// </summary>
internal static class ConntrackOptions
{
    /// <summary>True when every option of <paramref name="a"/> prints before every option of <paramref name="b"/>.</summary>
    public static bool CanMerge(ConntrackMatch a, ConntrackMatch b)
    {
        var last = -1;
        foreach (var index in Present(a)) last = index;
        foreach (var index in Present(b)) return index > last;
        return true;
    }

    /// <summary>One match with the options of both.</summary>
    public static ConntrackMatch Merge(ConntrackMatch a, ConntrackMatch b) => new ConntrackMatch
    {
        State = a.State ?? b.State,
        Protocol = a.Protocol ?? b.Protocol,
        OriginalSource = a.OriginalSource ?? b.OriginalSource,
        OriginalDestination = a.OriginalDestination ?? b.OriginalDestination,
        ReplySource = a.ReplySource ?? b.ReplySource,
        ReplyDestination = a.ReplyDestination ?? b.ReplyDestination,
        OriginalSourcePort = a.OriginalSourcePort ?? b.OriginalSourcePort,
        OriginalDestinationPort = a.OriginalDestinationPort ?? b.OriginalDestinationPort,
        ReplySourcePort = a.ReplySourcePort ?? b.ReplySourcePort,
        ReplyDestinationPort = a.ReplyDestinationPort ?? b.ReplyDestinationPort,
        Status = a.Status ?? b.Status,
        Expire = a.Expire ?? b.Expire,
        Direction = a.Direction ?? b.Direction,
    };

    private static IEnumerable<int> Present(ConntrackMatch m)
    {
        object?[] options =
        {
            m.State, m.Protocol, m.OriginalSource, m.OriginalDestination, m.ReplySource, m.ReplyDestination,
            m.OriginalSourcePort, m.OriginalDestinationPort, m.ReplySourcePort, m.ReplyDestinationPort, m.Status, m.Expire, m.Direction,
        };
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] is not null) yield return i;
        }
    }
}
