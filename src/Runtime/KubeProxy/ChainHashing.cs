using System;
using System.Security.Cryptography;
using System.Text;

namespace NatDsl.KubeProxy;

/// <summary>
/// kube-proxy's per-service chain names: a prefix plus the first 16 characters of the
/// standard base32 encoding of SHA-256 of the service port name and the lower-case protocol
/// (and, for endpoint chains, the endpoint <c>ip:port</c>), with no separator.
/// </summary>
public static class ChainHashing
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Prefix of the Cluster-policy service chain.</summary>
    public const string ServicePrefix = "KUBE-SVC-";

    /// <summary>Prefix of the Local-policy service chain (Current profile).</summary>
    public const string LocalServicePrefix = "KUBE-SVL-";

    /// <summary>Prefix of the external-destination chain (Current profile).</summary>
    public const string ExternalPrefix = "KUBE-EXT-";

    /// <summary>Prefix of the load-balancer firewall chain.</summary>
    public const string FirewallPrefix = "KUBE-FW-";

    /// <summary>Prefix of the Local-policy load-balancer chain (V1_12 profile).</summary>
    public const string ExternalLocalPrefix = "KUBE-XLB-";

    /// <summary>Prefix of an endpoint chain.</summary>
    public const string EndpointPrefix = "KUBE-SEP-";

    /// <summary>The first 16 base32 characters of SHA-256 of the UTF-8 bytes of <paramref name="input"/>.</summary>
    public static string Hash(string input)
    {
        if (input is null) throw new ArgumentNullException(nameof(input));
        return Prefixed(string.Empty, input, string.Empty, string.Empty);
    }

    /// <summary>
    /// <paramref name="prefix"/> followed by the hash of <c>a + b + c</c>, built without the
    /// intermediate strings (a large cluster names hundreds of thousands of chains).
    /// </summary>
    private static string Prefixed(string prefix, string a, string b, string c)
    {
        var utf8 = Encoding.UTF8;
        var length = utf8.GetByteCount(a) + utf8.GetByteCount(b) + utf8.GetByteCount(c);
        var buffer = _buffer;
        if (buffer is null || buffer.Length < length) _buffer = buffer = new byte[Math.Max(256, length)];
        var at = utf8.GetBytes(a, 0, a.Length, buffer, 0);
        at += utf8.GetBytes(b, 0, b.Length, buffer, at);
        at += utf8.GetBytes(c, 0, c.Length, buffer, at);
#if NET5_0_OR_GREATER
        var digest = SHA256.HashData(new ReadOnlySpan<byte>(buffer, 0, at));
#else
        var digest = (_sha ??= SHA256.Create()).ComputeHash(buffer, 0, at);
#endif

        // 16 characters of base32 are exactly the first 80 bits (10 bytes).
        var chars = new char[prefix.Length + 16];
        prefix.CopyTo(0, chars, 0, prefix.Length);
        for (var group = 0; group < 2; group++)
        {
            ulong bits = 0;
            for (var i = 0; i < 5; i++) bits = (bits << 8) | digest[(group * 5) + i];
            for (var i = 0; i < 8; i++) chars[prefix.Length + (group * 8) + i] = Alphabet[(int)((bits >> (35 - (5 * i))) & 31)];
        }
        return new string(chars);
    }

    [ThreadStatic]
    private static byte[]? _buffer;
#if !NET5_0_OR_GREATER

    [ThreadStatic]
    private static SHA256? _sha;
#endif

    /// <summary>The hash shared by a service port's chains: of service port name + protocol.</summary>
    public static string PortProtoHash(string servicePortName, string protocol) => Prefixed(string.Empty, servicePortName, protocol, string.Empty);

    /// <summary>KUBE-SVC-…</summary>
    public static string ServiceChain(string servicePortName, string protocol) => ServicePrefix + PortProtoHash(servicePortName, protocol);

    /// <summary>KUBE-SVL-…</summary>
    public static string LocalServiceChain(string servicePortName, string protocol) => LocalServicePrefix + PortProtoHash(servicePortName, protocol);

    /// <summary>KUBE-EXT-…</summary>
    public static string ExternalChain(string servicePortName, string protocol) => ExternalPrefix + PortProtoHash(servicePortName, protocol);

    /// <summary>KUBE-FW-…</summary>
    public static string FirewallChain(string servicePortName, string protocol) => FirewallPrefix + PortProtoHash(servicePortName, protocol);

    /// <summary>KUBE-XLB-…</summary>
    public static string ExternalLocalChain(string servicePortName, string protocol) => ExternalLocalPrefix + PortProtoHash(servicePortName, protocol);

    /// <summary>KUBE-SEP-…: the hash of service port name + protocol + endpoint (<c>ip:port</c> or <c>[ip6]:port</c>).</summary>
    public static string EndpointChain(string servicePortName, string protocol, string endpoint) =>
        Prefixed(EndpointPrefix, servicePortName, protocol, endpoint);
}
