namespace NatDsl.Model;

/// <summary><c>-j LOG [--log-level N] [--log-prefix TEXT] [--log-tcp-sequence] [--log-tcp-options] [--log-ip-options] [--log-uid] [--log-macdecode]</c>.</summary>
public sealed record LogTarget : Target
{
    /// <summary>The syslog level (default 4, warning).</summary>
    public byte Level { get; init; } = 4;

    /// <summary>The prefix (at most 29 characters), or empty.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>The kernel's log flags: 1 tcp-sequence, 2 tcp-options, 4 ip-options, 8 uid, 0x20 macdecode.</summary>
    public byte Flags { get; init; }

    /// <inheritdoc />
    public override string Name => "LOG";
}
