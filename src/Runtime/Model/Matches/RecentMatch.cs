namespace NatDsl.Model;

/// <summary><c>-m recent</c> (revision 1): kube-proxy's ClientIP session affinity.</summary>
public sealed record RecentMatch : Match
{
    /// <summary>set, rcheck, update or remove.</summary>
    public RecentCommand Command { get; init; }

    /// <summary><c>--seconds</c>; 0 when absent.</summary>
    public uint Seconds { get; init; }

    /// <summary><c>--reap</c>.</summary>
    public bool Reap { get; init; }

    /// <summary><c>--hitcount</c>; 0 when absent.</summary>
    public uint HitCount { get; init; }

    /// <summary><c>--rttl</c>.</summary>
    public bool Ttl { get; init; }

    /// <summary><c>--name</c> (default <c>DEFAULT</c>).</summary>
    public string Name { get; init; } = "DEFAULT";

    /// <summary><c>--mask</c> (default all ones).</summary>
    public IpAddress Mask { get; init; } = IpAddress.FromV4(uint.MaxValue);

    /// <summary><c>--rsource</c> / <c>--rdest</c>.</summary>
    public RecentSide Side { get; init; }

    /// <summary>Inverted (<c>! --rcheck</c>).</summary>
    public bool Inverted { get; init; }

    /// <inheritdoc />
    public override string Module => "recent";
}
