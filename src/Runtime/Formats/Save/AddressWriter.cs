using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Writes addresses, networks and ports straight into the output (the same text as their
/// <c>ToString</c>, without a string per item: a large rule set has hundreds of thousands).
/// </summary>
internal static class AddressWriter
{
    /// <summary>As <see cref="IpAddress.ToString"/>.</summary>
    public static StringBuilder AppendAddress(this StringBuilder sb, IpAddress address)
    {
        if (address.Family != IpFamily.V4) return sb.Append(address.ToString());
        var v = address.V4Value;
        AppendNumber(sb, (int)((v >> 24) & 0xFF)).Append('.');
        AppendNumber(sb, (int)((v >> 16) & 0xFF)).Append('.');
        AppendNumber(sb, (int)((v >> 8) & 0xFF)).Append('.');
        return AppendNumber(sb, (int)(v & 0xFF));
    }

    /// <summary>As <see cref="IpNetwork.ToString"/>: the address and <c>/len</c> or <c>/mask</c>.</summary>
    public static StringBuilder AppendNetwork(this StringBuilder sb, IpNetwork network)
    {
        AppendAddress(sb, network.Address).Append('/');
        var prefix = network.PrefixLength;
        return prefix >= 0 ? AppendNumber(sb, prefix) : AppendAddress(sb, network.Mask);
    }

    /// <summary>As <see cref="PortRange.ToString"/>: <c>P</c> or <c>P:Q</c>.</summary>
    public static StringBuilder AppendPorts(this StringBuilder sb, PortRange range)
    {
        AppendNumber(sb, range.First);
        return range.IsSingle ? sb : AppendNumber(sb.Append(':'), range.Last);
    }

    /// <summary>A number in invariant decimal digits.</summary>
    public static StringBuilder AppendNumber(this StringBuilder sb, int value)
    {
        if (value < 0 || value > 99999) return sb.Append(value.ToString(CultureInfo.InvariantCulture));
        if (value >= 10000) sb.Append((char)('0' + (value / 10000)));
        if (value >= 1000) sb.Append((char)('0' + (value / 1000 % 10)));
        if (value >= 100) sb.Append((char)('0' + (value / 100 % 10)));
        if (value >= 10) sb.Append((char)('0' + (value / 10 % 10)));
        return sb.Append((char)('0' + (value % 10)));
    }
}
