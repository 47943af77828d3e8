using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Reads the listing text of the conntrack match (<c>ctstate NEW ! ctorigsrc 10.0.0.0/8 …</c>, options
/// in iptables' fixed print order, each optionally inverted) and of its <c>state</c> alias.
/// </summary>
internal static class ConntrackTextReader
{
    /// <summary><c>state NEW,ESTABLISHED</c> or <c>! state INVALID</c> (the conntrack state alias).</summary>
    public static Match? State(TextCursor c, ExtensionContext context)
    {
        var inverted = c.Literal("! ");
        if (!c.Literal("state ") || !c.Word(out var list) || !StatesText(list, out var states)) return null;
        return new StateMatch(states, inverted);
    }

    /// <summary>One or more conntrack options in print order; null when none is read.</summary>
    public static Match? Conntrack(TextCursor c, ExtensionContext context)
    {
        var m = new ConntrackMatch();
        var next = 0;
        var any = false;
        while (true)
        {
            var before = c.Position;
            if (any && !c.Literal(" ")) break;
            var inverted = c.Literal("! ");
            var read = false;
            for (var i = next; i < OptionNames.Length && !read; i++)
            {
                var afterPrefix = c.Position;
                if (!c.Literal(OptionNames[i] + " ") || !c.Word(out var value))
                {
                    c.Position = afterPrefix;
                    continue;
                }
                var updated = ConntrackOption(m, i, value, inverted);
                if (updated is null)
                {
                    c.Position = afterPrefix;
                    continue;
                }
                m = updated;
                next = i + 1;
                read = true;
            }
            if (!read)
            {
                c.Position = before;
                break;
            }
            any = true;
        }
        return any ? m : null;
    }

    private static readonly string[] OptionNames =
    {
        "ctstate", "ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst", "ctorigsrcport", "ctorigdstport",
        "ctreplsrcport", "ctrepldstport", "ctstatus", "ctexpire", "ctdir",
    };

    private static ConntrackMatch? ConntrackOption(ConntrackMatch m, int option, string value, bool inverted)
    {
        switch (option)
        {
            case 0:
                return StatesText(value, out var states) ? m with { State = new Negatable<ConntrackStates>(states, inverted) } : null;
            case 1:
                return byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var proto)
                    ? m with { Protocol = new Negatable<int>(proto, inverted) }
                    : null;
            case 2:
            case 3:
            case 4:
            case 5:
                if (!AddressText.TryParseWithHostBits(value, out var network)) return null;
                var address = new Negatable<IpNetwork>(network, inverted);
                return option switch
                {
                    2 => m with { OriginalSource = address },
                    3 => m with { OriginalDestination = address },
                    4 => m with { ReplySource = address },
                    _ => m with { ReplyDestination = address },
                };
            case 6:
            case 7:
            case 8:
            case 9:
                if (!MatchTextReader.PortText(value, ':', out var range)) return null;
                var port = new Negatable<PortRange>(range, inverted);
                return option switch
                {
                    6 => m with { OriginalSourcePort = port },
                    7 => m with { OriginalDestinationPort = port },
                    8 => m with { ReplySourcePort = port },
                    _ => m with { ReplyDestinationPort = port },
                };
            case 10:
                return StatusesText(value, out var statuses) ? m with { Status = new Negatable<ConntrackStatuses>(statuses, inverted) } : null;
            case 11:
                return ExpireText(value, out var expire) ? m with { Expire = new Negatable<ExpireRange>(expire, inverted) } : null;
            default:
                if (inverted) return null;
                if (value == "REPLY") return m with { Direction = ConntrackDirection.Reply };
                if (value == "ORIGINAL") return m with { Direction = ConntrackDirection.Original };
                return null;
        }
    }

    private static bool StatesText(string text, out ConntrackStates states)
    {
        states = ConntrackStates.None;
        foreach (var part in text.Split(','))
        {
            switch (part)
            {
                case "INVALID": states |= ConntrackStates.Invalid; break;
                case "NEW": states |= ConntrackStates.New; break;
                case "RELATED": states |= ConntrackStates.Related; break;
                case "ESTABLISHED": states |= ConntrackStates.Established; break;
                case "UNTRACKED": states |= ConntrackStates.Untracked; break;
                case "SNAT": states |= ConntrackStates.Snat; break;
                case "DNAT": states |= ConntrackStates.Dnat; break;
                default: return false;
            }
        }
        return true;
    }

    private static bool StatusesText(string text, out ConntrackStatuses statuses)
    {
        statuses = ConntrackStatuses.None;
        if (text == "NONE") return true;
        foreach (var part in text.Split(','))
        {
            switch (part)
            {
                case "EXPECTED": statuses |= ConntrackStatuses.Expected; break;
                case "SEEN_REPLY": statuses |= ConntrackStatuses.SeenReply; break;
                case "ASSURED": statuses |= ConntrackStatuses.Assured; break;
                case "CONFIRMED": statuses |= ConntrackStatuses.Confirmed; break;
                default: return false;
            }
        }
        return true;
    }

    private static bool ExpireText(string text, out ExpireRange expire)
    {
        expire = default;
        var colon = text.IndexOf(':');
        var minText = colon < 0 ? text : text.Substring(0, colon);
        var maxText = colon < 0 ? text : text.Substring(colon + 1);
        if (!uint.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min)) return false;
        if (!uint.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max)) return false;
        expire = new ExpireRange(min, max);
        return true;
    }
}
