using System;
using System.Globalization;

namespace NatDsl.Model;

/// <summary>
/// An address with a mask, as netfilter stores a source or destination: host bits are cleared
/// on construction (<c>10.1.2.3/8</c> is <c>10.0.0.0/8</c>), masks may be non-contiguous.
/// <see cref="WithHostBits"/> keeps them instead, as the conntrack match stores its addresses.
/// </summary>
public readonly struct IpNetwork : IEquatable<IpNetwork>
{
    /// <summary>The network address: host bits cleared, unless made by <see cref="WithHostBits"/>.</summary>
    public IpAddress Address { get; }

    /// <summary>The mask.</summary>
    public IpAddress Mask { get; }

    /// <summary>Creates a network, clearing the host bits of <paramref name="address"/>.</summary>
    public IpNetwork(IpAddress address, IpAddress mask)
    {
        if (address.Family != mask.Family) throw new ArgumentException("address and mask are of different families");
        Address = address.And(mask);
        Mask = mask;
    }

    private IpNetwork(IpAddress address, IpAddress mask, bool keepHostBits)
    {
        Address = keepHostBits ? address : address.And(mask);
        Mask = mask;
    }

    /// <summary>
    /// An address and prefix with the host bits kept, as <c>-m conntrack</c> stores
    /// <c>--ctorigsrc 10.1.2.3/8</c> and iptables prints it back; the kernel compares under the
    /// mask. It equals only a network with the same address bits.
    /// </summary>
    public static IpNetwork WithHostBits(IpAddress address, int prefixLength) =>
        new IpNetwork(address, IpAddress.MaskOf(address.Family, prefixLength), keepHostBits: true);

    /// <summary>True when the address has bits outside the mask (only from <see cref="WithHostBits"/>).</summary>
    public bool HasHostBits => Address.And(Mask) != Address;

    /// <summary>Creates a network from a prefix length.</summary>
    public IpNetwork(IpAddress address, int prefixLength)
        : this(address, IpAddress.MaskOf(address.Family, prefixLength))
    {
    }

    /// <summary>The address family.</summary>
    public IpFamily Family => Address.Family;

    /// <summary>The prefix length, or -1 when the mask is not contiguous.</summary>
    public int PrefixLength => Mask.MaskPrefixLength;

    /// <summary>True for <c>0.0.0.0/0</c> or <c>::/0</c>.</summary>
    public bool IsAny => Mask.High == 0 && Mask.Low == 0;

    /// <summary>True when the mask covers every bit (a single host).</summary>
    public bool IsHost => PrefixLength == Address.BitLength;

    /// <summary>The network matching every address of a family.</summary>
    public static IpNetwork Any(IpFamily family) => new IpNetwork(IpAddress.Zero(family), 0);

    /// <summary>A single host.</summary>
    public static IpNetwork Host(IpAddress address) => new IpNetwork(address, address.BitLength);

    /// <summary>Whether <paramref name="address"/> lies inside this network.</summary>
    public bool Contains(IpAddress address) =>
        address.Family == Family && address.And(Mask) == Address.And(Mask);

    /// <summary>
    /// Parses <c>addr</c>, <c>addr/len</c> or <c>addr/mask</c> (a missing mask means a host).
    /// </summary>
    public static bool TryParse(string? text, out IpNetwork network)
    {
        network = default;
        if (string.IsNullOrEmpty(text)) return false;
        var slash = text!.IndexOf('/');
        var addressText = slash < 0 ? text : text.Substring(0, slash);
        if (!IpAddress.TryParse(addressText, out var address)) return false;
        if (slash < 0)
        {
            network = Host(address);
            return true;
        }
        var maskText = text.Substring(slash + 1);
        if (maskText.Length > 0 && maskText.Length <= 3 && IsDigits(maskText))
        {
            var prefix = int.Parse(maskText, NumberStyles.None, CultureInfo.InvariantCulture);
            if (prefix > address.BitLength) return false;
            network = new IpNetwork(address, prefix);
            return true;
        }
        if (!IpAddress.TryParse(maskText, out var mask) || mask.Family != address.Family) return false;
        network = new IpNetwork(address, mask);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>, throwing <see cref="FormatException"/> on failure.</summary>
    public static IpNetwork Parse(string text)
    {
        if (TryParse(text, out var network)) return network;
        throw new FormatException("'" + text + "' is not an address or network");
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /// <summary>The CIDR text with the mask always present (<c>10.0.0.1/32</c>, <c>10.0.0.0/255.0.255.0</c>).</summary>
    public override string ToString()
    {
        var prefix = PrefixLength;
        return Address + "/" + (prefix >= 0 ? prefix.ToString(CultureInfo.InvariantCulture) : Mask.ToString());
    }

    /// <inheritdoc />
    public bool Equals(IpNetwork other) => Address == other.Address && Mask == other.Mask;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IpNetwork other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked(Address.GetHashCode() * 31 + Mask.GetHashCode());

    /// <summary>Equality operator.</summary>
    public static bool operator ==(IpNetwork left, IpNetwork right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(IpNetwork left, IpNetwork right) => !left.Equals(right);
}
