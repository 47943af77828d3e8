using System;
using System.Globalization;

namespace NatDsl.Model;

/// <summary>A port or an inclusive range of ports.</summary>
public readonly record struct PortRange(ushort First, ushort Last)
{
    /// <summary>A single port.</summary>
    public static PortRange Single(ushort port) => new PortRange(port, port);

    /// <summary>True when the range holds one port.</summary>
    public bool IsSingle => First == Last;

    /// <summary>Whether <paramref name="port"/> is inside the range.</summary>
    public bool Contains(int port) => port >= First && port <= Last;

    /// <summary><c>80</c> or <c>1024:65535</c>.</summary>
    public override string ToString() => IsSingle
        ? First.ToString(CultureInfo.InvariantCulture)
        : First.ToString(CultureInfo.InvariantCulture) + ":" + Last.ToString(CultureInfo.InvariantCulture);

    /// <summary>Creates a range; throws when <paramref name="first"/> is above <paramref name="last"/>.</summary>
    public static PortRange Of(int first, int last)
    {
        if (first < 0 || last > 65535 || first > last) throw new ArgumentOutOfRangeException(nameof(first), "invalid port range " + first + ":" + last);
        return new PortRange((ushort)first, (ushort)last);
    }
}
