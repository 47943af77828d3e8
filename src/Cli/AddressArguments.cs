using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Cli;

/// <summary>Reads IP addresses and <c>IP:PORT</c> endpoints given on the command line.</summary>
public static class AddressArguments
{
    /// <summary>An address, for option <paramref name="option"/>; a <see cref="UserInputException"/> otherwise.</summary>
    public static IpAddress Address(string option, string? text)
    {
        if (text is null || !IpAddress.TryParse(text.Trim(), out var address)) throw new UserInputException(option + ": \"" + text + "\" is not an IP address");
        return address;
    }

    /// <summary>
    /// <c>IP:PORT</c> (IPv6: <c>[IP]:PORT</c>), or a bare address when <paramref name="portRequired"/>
    /// is false (port null then).
    /// </summary>
    public static (IpAddress Address, int? Port) Endpoint(string option, string? text, bool portRequired)
    {
        var value = (text ?? string.Empty).Trim();
        string host;
        string? port = null;
        if (value.StartsWith("[", StringComparison.Ordinal))
        {
            var close = value.IndexOf(']');
            if (close < 0) throw new UserInputException(option + ": \"" + value + "\" lacks the closing ] of an IPv6 address");
            host = value.Substring(1, close - 1);
            var rest = value.Substring(close + 1);
            if (rest.Length > 0)
            {
                if (rest[0] != ':') throw new UserInputException(option + ": expected :PORT after ] in \"" + value + "\"");
                port = rest.Substring(1);
            }
        }
        else
        {
            var colon = value.LastIndexOf(':');
            if (colon >= 0 && value.IndexOf(':') == colon)
            {
                host = value.Substring(0, colon);
                port = value.Substring(colon + 1);
            }
            else
            {
                host = value;
            }
        }
        var address = Address(option, host);
        if (port is null)
        {
            if (portRequired) throw new UserInputException(option + ": \"" + value + "\" has no port (expected IP:PORT" + (address.Family == IpFamily.V6 ? ", [IPv6]:PORT" : string.Empty) + ")");
            return (address, null);
        }
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 0 || number > 65535)
        {
            throw new UserInputException(option + ": \"" + port + "\" is not a port number (0-65535)");
        }
        return (address, number);
    }

    /// <summary>Every address of a repeated option.</summary>
    public static ValueList<IpAddress> Addresses(string option, IEnumerable<string>? texts)
    {
        var list = new List<IpAddress>();
        foreach (var text in texts ?? Array.Empty<string>()) list.Add(Address(option, text));
        return list.ToValueList();
    }

    /// <summary>Fails when an address is not of the rule set's family.</summary>
    public static void RequireFamily(string option, IpAddress address, IpFamily family)
    {
        if (address.Family != family)
        {
            throw new UserInputException(option + ": " + address + " is an " + Name(address.Family) + " address but the dump holds " + Name(family) + " rules");
        }
    }

    private static string Name(IpFamily family) => family == IpFamily.V6 ? "IPv6" : "IPv4";
}
