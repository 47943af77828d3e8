namespace NatDsl.Model;

/// <summary><c>-m conntrack</c>: every option is optional and individually invertible.</summary>
public sealed record ConntrackMatch : Match
{
    /// <summary><c>--ctstate</c>.</summary>
    public Negatable<ConntrackStates>? State { get; init; }

    /// <summary><c>--ctproto</c> (protocol number).</summary>
    public Negatable<int>? Protocol { get; init; }

    /// <summary><c>--ctorigsrc</c>.</summary>
    public Negatable<IpNetwork>? OriginalSource { get; init; }

    /// <summary><c>--ctorigdst</c>.</summary>
    public Negatable<IpNetwork>? OriginalDestination { get; init; }

    /// <summary><c>--ctreplsrc</c>.</summary>
    public Negatable<IpNetwork>? ReplySource { get; init; }

    /// <summary><c>--ctrepldst</c>.</summary>
    public Negatable<IpNetwork>? ReplyDestination { get; init; }

    /// <summary><c>--ctorigsrcport</c>.</summary>
    public Negatable<PortRange>? OriginalSourcePort { get; init; }

    /// <summary><c>--ctorigdstport</c>.</summary>
    public Negatable<PortRange>? OriginalDestinationPort { get; init; }

    /// <summary><c>--ctreplsrcport</c>.</summary>
    public Negatable<PortRange>? ReplySourcePort { get; init; }

    /// <summary><c>--ctrepldstport</c>.</summary>
    public Negatable<PortRange>? ReplyDestinationPort { get; init; }

    /// <summary><c>--ctstatus</c>.</summary>
    public Negatable<ConntrackStatuses>? Status { get; init; }

    /// <summary><c>--ctexpire</c>.</summary>
    public Negatable<ExpireRange>? Expire { get; init; }

    /// <summary><c>--ctdir</c>.</summary>
    public ConntrackDirection? Direction { get; init; }

    /// <inheritdoc />
    public override string Module => "conntrack";
}
