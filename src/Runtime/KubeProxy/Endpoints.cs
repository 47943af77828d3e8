using System.Globalization;
using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>Endpoint strings as Go's <c>net.JoinHostPort</c> writes them.</summary>
public static class Endpoints
{
    /// <summary><c>ip:port</c>, or <c>[ip6]:port</c> for IPv6.</summary>
    public static string JoinHostPort(IpAddress address, int port) =>
        (address.Family == IpFamily.V6 ? "[" + address + "]" : address.ToString()) + ":" + port.ToString(CultureInfo.InvariantCulture);
}
