using System;
using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Writes a rule as iptables-save 1.8.9 prints it: <c>-A CHAIN</c>, <c>-s</c>, <c>-d</c>,
/// <c>-i</c>, <c>-o</c>, <c>-p</c>, <c>-f</c>, the matches in rule order, then the target, each
/// extension with its canonical save text.
/// </summary>
internal static class RuleWriter
{
    public static void Append(StringBuilder sb, string chain, Rule rule, RuleWriteOptions options)
    {
        sb.Append("-A ").Append(chain);
        AppendAddress(sb, "-s", rule.Source);
        AppendAddress(sb, "-d", rule.Destination);
        AppendInterface(sb, "-i", rule.InInterface, options);
        AppendInterface(sb, "-o", rule.OutInterface, options);
        if (rule.Protocol is { } protocol && protocol.Value != 0)
        {
            if (protocol.Inverted) sb.Append(" !");
            sb.Append(" -p ").Append(ProtocolNames.SaveName(protocol.Value));
        }
        if (rule.Fragment is { Value: true } fragment)
        {
            if (fragment.Inverted) sb.Append(" !");
            sb.Append(" -f");
        }
        foreach (var match in rule.Matches)
        {
            sb.Append(" -m ").Append(match.Module);
            MatchWriter.Append(sb, match, options);
        }
        if (options.InlineCounters)
        {
            var counters = rule.Counters ?? Counters.Zero;
            sb.Append(" -c ").Append(Value(counters.Packets)).Append(' ').Append(Value(counters.Bytes));
        }
        if (rule.Target is { } target) TargetWriter.Append(sb, target, options);
    }

    /// <summary>A counter's exact value, or the estimate of a value read rounded from a listing.</summary>
    public static string Value(Counter counter) =>
        (counter.IsExact ? counter.Value : counter.Estimate).ToString(CultureInfo.InvariantCulture);

    /// <summary><c>addr</c> plus <c>/len</c> or <c>/mask</c>, nothing for a host (conntrack's form).</summary>
    public static void AppendHost(StringBuilder sb, IpNetwork network)
    {
        sb.AppendAddress(network.Address);
        if (network.IsHost) return;
        var prefix = network.PrefixLength;
        if (prefix >= 0) sb.Append('/').AppendNumber(prefix);
        else sb.Append('/').AppendAddress(network.Mask);
    }

    public static string Hex(uint value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Number(uint value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Unknown(string what, RuleWriteOptions options)
    {
        if (options.Lenient) return " <" + what + ">";
        throw new InvalidOperationException("cannot render " + what + " in iptables-save form: it was read from a listing and has no save text");
    }

    private static void AppendAddress(StringBuilder sb, string flag, Negatable<IpNetwork>? address)
    {
        if (address is null) return;
        if (!address.Inverted && address.Value.IsAny) return;
        if (address.Inverted) sb.Append(" !");
        sb.Append(' ').Append(flag).Append(' ').AppendNetwork(address.Value);
    }

    private static void AppendInterface(StringBuilder sb, string flag, Negatable<string>? name, RuleWriteOptions options)
    {
        if (name is null || name.Value.Length == 0) return;
        if (name.Value == "+" && (!name.Inverted || options.OmitInvertedWildcardInterface)) return;
        if (name.Inverted) sb.Append(" !");
        sb.Append(' ').Append(flag).Append(' ').Append(name.Value);
    }
}
