using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Rewrites the <c>-A</c> lines of a restore script into other spellings iptables reads as the
/// same rule: long forms of the generic options (<c>--source</c>, <c>--jump</c>, <c>--match</c>…),
/// generic options and the options of one match in another order, <c>--option=value</c>, quoted
/// values, protocols by number or in capitals, tcp ports in hexadecimal and udp ports with leading zeros, an implicit
/// <c>-m tcp</c>/<c>-m udp</c>, abbreviated long options, and extra blanks. An abbreviation may be ambiguous: then iptables
/// and we must both refuse it. What iptables prints for the result must not
/// change, and neither may what our parser reads.
/// </summary>
public static class SpellingMutator
{
    private static readonly Dictionary<string, string> LongForms = new(StringComparer.Ordinal)
    {
        ["-s"] = "--source",
        ["-d"] = "--destination",
        ["-i"] = "--in-interface",
        ["-o"] = "--out-interface",
        ["-p"] = "--protocol",
        ["-f"] = "--fragment",
        ["-m"] = "--match",
        ["-j"] = "--jump",
        ["-g"] = "--goto",
    };

    private static readonly Dictionary<string, string[]> ProtocolSpellings = new(StringComparer.Ordinal)
    {
        ["tcp"] = new[] { "6", "TCP", "0x6", "Tcp" },
        ["udp"] = new[] { "17", "UDP", "0x11" },
        ["sctp"] = new[] { "132", "SCTP" },
        ["icmp"] = new[] { "1", "ICMP" },
    };

    /// <summary>The script with every <c>-A</c> line (with or without leading counters) respelled.</summary>
    public static string Mutate(string script, Random random)
    {
        var lines = script.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var counters = string.Empty;
            if (line.StartsWith('['))
            {
                var close = line.IndexOf("] ", StringComparison.Ordinal);
                if (close < 0) continue;
                counters = line.Substring(0, close + 2);
                line = line.Substring(close + 2);
            }
            if (!line.StartsWith("-A ", StringComparison.Ordinal)) continue;
            lines[i] = counters + MutateRule(line, random);
        }
        return string.Join("\n", lines);
    }

    /// <summary>One <c>-A CHAIN …</c> line respelled.</summary>
    public static string MutateRule(string line, Random random)
    {
        var tokens = Tokenize(line);
        // A comment that looks like an option ("--comment -j") cannot be told from one here.
        if (tokens is null || tokens.Zip(tokens.Skip(1)).Any(p => p.First == "--comment" && p.Second.StartsWith('-'))) return line;
        var head = tokens.Take(2).ToList();
        var segments = Segments(tokens.Skip(2).ToList());

        // The generic options in another order (they all come before the first match).
        // (Not when an implicit match's options are among them: they must follow -p.)
        if (segments.Count > 0 && segments[0].Kind == null && segments[0].Groups.All(g => IsGeneric(g.Option)) && random.Next(2) == 0) Shuffle(segments[0].Groups, random);
        // The options of a match in another order; those of a target too, unless one repeats
        // (DNAT with two --to-destination keeps their order).
        foreach (var segment in segments.Where(s => s.Kind == "-m" && s.Groups.Count > 1 && random.Next(2) == 0)) Shuffle(segment.Groups, random);
        foreach (var segment in segments.Where(s => s.Kind == "-j" && s.Groups.Count > 1 && s.Groups.Select(g => g.Option).Distinct().Count() == s.Groups.Count && random.Next(2) == 0)) Shuffle(segment.Groups, random);

        var protocol = segments.Count > 0 && segments[0].Kind == null
            ? segments[0].Groups.FirstOrDefault(g => g.Option == "-p" && !g.Inverted)?.Args.FirstOrDefault()
            : null;
        // The first match of the rule's protocol may be left implicit wherever it stands: an
        // option no loaded match knows loads it there (and --dport may then be read as a prefix
        // of multiport's --dports, as getopt reads it: iptables and we must agree).
        var firstMatch = segments.FirstOrDefault(s => s.Kind == "-m" && s.Name == protocol);
        var words = new List<string>(head);
        foreach (var segment in segments)
        {
            if (segment.Kind is not null)
            {
                // An implicit tcp/udp match: "-p tcp --dport 80" loads tcp by itself.
                var implicitMatch = segment == firstMatch && protocol is "tcp" or "udp" && segment.Name == protocol && segment.Groups.Count > 0
                    && segment.Groups.All(g => g.Option.StartsWith("--", StringComparison.Ordinal)) && random.Next(3) == 0;
                if (!implicitMatch)
                {
                    words.Add(random.Next(3) == 0 ? LongForms[segment.Kind] : segment.Kind);
                    words.Add(segment.Name!);
                }
            }
            foreach (var group in segment.Groups) words.AddRange(Spell(group, segment, random));
        }
        var text = new StringBuilder();
        for (var w = 0; w < words.Count; w++)
        {
            if (w > 0) text.Append(random.Next(8) == 0 ? "  " : " ");
            text.Append(words[w]);
        }
        return text.ToString();
    }

    private static IEnumerable<string> Spell(Group group, Segment segment, Random random)
    {
        if (group.Inverted) yield return "!";
        var option = group.Option;
        var args = group.Args.ToArray();
        if (segment.Kind is null)
        {
            if (option == "-p" && args.Length == 1 && ProtocolSpellings.TryGetValue(args[0], out var spellings) && random.Next(2) == 0)
            {
                args[0] = spellings[random.Next(spellings.Length)];
            }
            if (LongForms.TryGetValue(option, out var longForm) && random.Next(2) == 0) option = longForm;
        }
        else if (segment.Name is "tcp" or "udp" && option is "--dport" or "--sport" && args.Length == 1 && random.Next(2) == 0)
        {
            // tcp reads ports in base 0 (hexadecimal), udp in decimal only (leading zeros are not octal).
            args[0] = string.Join(":", args[0].Split(':').Select(p => p.Length == 0 ? p
                : segment.Name == "tcp" ? "0x" + int.Parse(p, System.Globalization.CultureInfo.InvariantCulture).ToString("x", System.Globalization.CultureInfo.InvariantCulture)
                : "00" + p));
        }
        if (segment.Kind is null && option is "-s" or "-d" or "--source" or "--destination" && args.Length == 1 && random.Next(3) == 0) args[0] = Address(args[0], random);
        if (option is "--mark" or "--set-xmark" or "--set-mark" && args.Length == 1 && random.Next(2) == 0) args[0] = Numbers(args[0], random);
        if (option == "--probability" && args.Length == 1 && random.Next(2) == 0) args[0] = Probability(args[0], random);
        if (option == "--icmp-type" && args.Length == 1 && IcmpNames.TryGetValue(args[0], out var icmpName) && random.Next(2) == 0) args[0] = icmpName;
        if (EnumeratedValues.Contains(option) && args.Length >= 1 && random.Next(3) == 0)
        {
            var a = random.Next(args.Length);
            args[a] = random.Next(2) == 0 ? args[a].ToLowerInvariant() : args[a].ToUpperInvariant();
        }
        for (var a = 0; a < args.Length; a++)
        {
            if (!args[a].StartsWith('"') && args[a].IndexOfAny(new[] { '"', '\\', '\'' }) < 0 && random.Next(6) == 0) args[a] = "\"" + args[a] + "\"";
        }
        // "--option=value", but not for the generic options iptables reads from the whole word
        // (--source=…, --protocol=…, --jump=…: refused, see RejectedSpellingsInRealIptablesTests).
        // An abbreviation, as getopt_long allows when it is unique among the options known at
        // that point (iptables and we must then agree whether it is).
        if (option.StartsWith("--", StringComparison.Ordinal) && option.Length > 4 && random.Next(5) == 0) option = option.Substring(0, 2 + 2 + random.Next(option.Length - 4));
        if (option.StartsWith("--", StringComparison.Ordinal) && args.Length == 1 && (segment.Kind is not null || option.StartsWith("--ma", StringComparison.Ordinal) || option.StartsWith("--g", StringComparison.Ordinal)) && random.Next(4) == 0)
        {
            yield return option + "=" + args[0];
            yield break;
        }
        yield return option;
        foreach (var arg in args) yield return arg;
    }

    /// <summary>Options whose values are names from a fixed set (iptables may or may not ignore their case).</summary>
    private static readonly HashSet<string> EnumeratedValues = new(StringComparer.Ordinal)
    {
        "--ctstate", "--state", "--ctstatus", "--ctdir", "--src-type", "--dst-type", "--reject-with", "--log-level", "--mode", "--tcp-flags", "--ctproto",
    };

    private static readonly Dictionary<string, string> IcmpNames = new(StringComparer.Ordinal)
    {
        ["8"] = "echo-request", ["0"] = "echo-reply", ["3/4"] = "fragmentation-needed", ["3"] = "destination-unreachable", ["11"] = "time-exceeded",
    };

    /// <summary>An IPv4 address/prefix as a dotted mask or hexadecimal prefix, a /32 host without its prefix.</summary>
    private static string Address(string value, Random random)
    {
        var slash = value.IndexOf('/');
        if (value.IndexOf(':') >= 0) return Address6(value, slash, random);
        if (slash < 0) return value;
        if (!int.TryParse(value.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)) return value;
        var address = value.Substring(0, slash);
        if (prefix == 32) return random.Next(2) == 0 ? address : address + "/255.255.255.255";
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return random.Next(2) == 0
            ? address + "/" + (mask >> 24) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255)
            : address + "/0x" + prefix.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An IPv6 address/prefix in capitals, without :: compression, or with a mask address.</summary>
    private static string Address6(string value, int slash, Random random)
    {
        var address = slash < 0 ? value : value.Substring(0, slash);
        var suffix = slash < 0 ? string.Empty : value.Substring(slash);
        if (!System.Net.IPAddress.TryParse(address, out var parsed)) return value;
        var bytes = parsed.GetAddressBytes();
        switch (random.Next(3))
        {
            case 0:
                return address.ToUpperInvariant() + suffix;
            case 1:
                var groups = Enumerable.Range(0, 8).Select(i => ((bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                return string.Join(":", groups) + suffix;
            default:
                if (suffix.Length == 0 || !int.TryParse(suffix.Substring(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)) return value;
                var mask = new byte[16];
                for (var b = 0; b < prefix; b++) mask[b / 8] |= (byte)(0x80 >> (b % 8));
                return address + "/" + new System.Net.IPAddress(mask);
        }
    }

    /// <summary>A hexadecimal value[/mask] in decimal or octal.</summary>
    private static string Numbers(string value, Random random) => string.Join("/", value.Split('/').Select(part =>
    {
        if (!part.StartsWith("0x", StringComparison.Ordinal)) return part;
        var n = Convert.ToUInt32(part.Substring(2), 16);
        return random.Next(2) == 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0" + Convert.ToString(n, 8);
    }));

    /// <summary>A probability as printed (0.50000000000) in a shorter or exponent form.</summary>
    private static string Probability(string value, Random random)
    {
        var d = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(3) switch
        {
            0 => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            1 => d.ToString("E3", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.TrimEnd('0'),
        };
    }

    private sealed class Group
    {
        public bool Inverted;
        public string Option = string.Empty;
        public List<string> Args = new();
    }

    private sealed class Segment
    {
        /// <summary>null for the generic options, -m for a match, -j or -g for the target.</summary>
        public string? Kind;
        public string? Name;
        public List<Group> Groups = new();
    }

    private static List<Segment> Segments(List<string> tokens)
    {
        var segments = new List<Segment> { new Segment() };
        var i = 0;
        while (i < tokens.Count)
        {
            var inverted = tokens[i] == "!";
            if (inverted) i++;
            if (i >= tokens.Count) break;
            var option = tokens[i++];
            if (!inverted && option is "-m" or "-j" or "-g" && i < tokens.Count)
            {
                segments.Add(new Segment { Kind = option, Name = tokens[i++] });
                continue;
            }
            var group = new Group { Inverted = inverted, Option = option };
            while (i < tokens.Count && !IsOption(tokens[i]) && tokens[i] != "!") group.Args.Add(tokens[i++]);
            segments[^1].Groups.Add(group);
        }
        if (segments[0].Groups.Count == 0) segments.RemoveAt(0);
        return segments;
    }

    private static bool IsGeneric(string option) => LongForms.ContainsKey(option) || LongForms.ContainsValue(option);

    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]);

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>Blank-separated words, a double-quoted word kept whole with its quotes; null when a quote is not closed.</summary>
    private static List<string>? Tokenize(string line)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                continue;
            }
            var start = i;
            if (line[i] == '"')
            {
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\') i++;
                    i++;
                }
                if (i >= line.Length) return null;
                i++;
            }
            else
            {
                while (i < line.Length && line[i] != ' ') i++;
            }
            tokens.Add(line.Substring(start, i - start));
        }
        return tokens;
    }
}
