using System.Collections.Generic;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Reads a rule specification (everything after <c>-A CHAIN</c>) into a <see cref="Rule"/>, the
/// way iptables' option loop does: options in any order, <c>!</c> before the option it inverts,
/// extension options routed to the most recently loaded extension that has them (unique
/// prefixes and <c>--opt=value</c> accepted as getopt does), an implicit protocol match loaded
/// when <c>-p</c> was given and an option is otherwise unknown. Unknown <c>-m</c>/<c>-j</c>
/// extensions are kept as raw text up to the next generic option.
/// </summary>
internal static class RuleSpecParser
{
    public static ParsedRule Parse(RuleParseContext context, bool allowCounters, Counters? prefixCounters)
    {
        var line = context.Line;
        var extensions = new List<ExtensionParser>(4);
        var matches = new List<object>(4); // MatchParser or a finished Match (raw)
        TargetParser? targetParser = null;
        Target? target = null;
        RuleToken? jumpToken = null;
        var hasTarget = false;

        Negatable<IpNetwork>? source = null, destination = null;
        Negatable<string>? inInterface = null, outInterface = null;
        Negatable<int>? protocol = null;
        Negatable<bool>? fragment = null;
        var counters = prefixCounters;
        var seen = 0;
        var invert = false;
        RuleToken invertToken = default;
        var protocolUsed = false;

        while (context.HasMore)
        {
            var token = context.Next();
            var text = token.Text;
            if (!token.Quoted && text == "!")
            {
                if (invert) throw line.Error(token, "multiple ! flags not allowed");
                invert = true;
                invertToken = token;
                continue;
            }
            if (token.Quoted || text.Length < 2 || text[0] != '-')
            {
                throw line.Error(token, "unexpected argument \"" + text + "\" (not an option)");
            }

            GenericOption generic;
            string name;
            RuleToken? inline = null;
            ExtensionParser? owner = null;
            var specIndex = -1;
            if (text[1] == '-')
            {
                var eq = text.IndexOf('=');
                name = eq < 0 ? text.Substring(2) : text.Substring(2, eq - 2);
                if (eq >= 0) inline = new RuleToken(text.Substring(eq + 1), token.Start + eq + 1, token.End, false);
                generic = ResolveLong(ref name, extensions, line, token, out owner, out specIndex);
                if (generic == GenericOption.None && owner is null && !protocolUsed && context.Protocol is int p && p != 0)
                {
                    var implicitName = ExtensionRegistry.ImplicitMatchName(p);
                    if (implicitName is not null)
                    {
                        protocolUsed = true;
                        var parser = ExtensionRegistry.CreateMatch(implicitName, token, context)!;
                        extensions.Add(parser);
                        matches.Add(parser);
                        generic = ResolveLong(ref name, extensions, line, token, out owner, out specIndex);
                    }
                }
                if (generic == GenericOption.None && owner is null)
                {
                    throw line.Error(token, "unknown option \"--" + name + "\"" + UnknownHint(context, protocolUsed));
                }
            }
            else
            {
                name = text;
                generic = GenericOptions.Short(text);
                if (generic == GenericOption.None) throw line.Error(token, "unknown option \"" + text + "\"");
            }

            if (owner is not null)
            {
                var spec = owner.Options[specIndex];
                if (inline.HasValue && !spec.TakesArgument) throw line.Error(token, "option \"--" + spec.Name + "\" doesn't allow an argument");
                var call = context.Call;
                call.Reset(spec.Name, token, invert, inline);
                owner.ParseOption(spec.Id, call);
                invert = false;
                continue;
            }

            var bit = 1 << (int)generic;
            switch (generic)
            {
                case GenericOption.Source:
                case GenericOption.Destination:
                {
                    var flag = generic == GenericOption.Source ? "-s" : "-d";
                    Once(ref seen, bit, line, token, flag);
                    var arg = Argument(context, inline, token, flag);
                    var network = AddressText.ParseNetwork(arg, context, flag);
                    var value = network.IsAny && !invert ? null : new Negatable<IpNetwork>(network, invert);
                    if (generic == GenericOption.Source) source = value;
                    else destination = value;
                    break;
                }
                case GenericOption.InInterface:
                case GenericOption.OutInterface:
                {
                    var flag = generic == GenericOption.InInterface ? "-i" : "-o";
                    Once(ref seen, bit, line, token, flag);
                    var arg = Argument(context, inline, token, flag);
                    var name2 = InterfaceText.Parse(arg, line, flag);
                    var value = name2 == "+" && !invert ? null : new Negatable<string>(name2, invert);
                    if (generic == GenericOption.InInterface) inInterface = value;
                    else outInterface = value;
                    break;
                }
                case GenericOption.Protocol:
                {
                    Once(ref seen, bit, line, token, "-p");
                    var arg = Argument(context, inline, token, "-p");
                    if (!ProtocolNames.TryParse(arg.Text, out var number)) throw line.Error(arg, "unknown protocol \"" + arg.Text + "\"");
                    if (number == 0 && invert) throw line.Error(arg, "rule would never match protocol");
                    protocol = number == 0 ? null : new Negatable<int>(number, invert);
                    context.Protocol = number == 0 ? null : number;
                    context.ProtocolInverted = invert;
                    break;
                }
                case GenericOption.Fragment:
                    Once(ref seen, bit, line, token, "-f");
                    NoInline(inline, line, token);
                    context.Family.Observe(IpFamily.V4, line, token, "-f (fragments)");
                    fragment = new Negatable<bool>(true, invert);
                    break;
                case GenericOption.Match:
                {
                    if (invert) throw line.Error(invertToken, "unexpected ! flag before --match");
                    var arg = Argument(context, inline, token, "-m");
                    var parser = ExtensionRegistry.CreateMatch(arg.Text, arg, context);
                    if (parser is not null)
                    {
                        extensions.Add(parser);
                        matches.Add(parser);
                    }
                    else
                    {
                        if (arg.Text.Length == 0) throw line.Error(arg, "empty match name");
                        matches.Add(new RawMatch(arg.Text, ScanRaw(context, extensions, stopAtKnownOptions: false), null));
                    }
                    break;
                }
                case GenericOption.Jump:
                case GenericOption.Goto:
                {
                    var flag = generic == GenericOption.Jump ? "-j" : "-g";
                    if (invert) throw line.Error(invertToken, "cannot have ! before " + flag);
                    if (hasTarget) throw line.Error(token, "multiple -j/-g flags not allowed");
                    hasTarget = true;
                    var arg = Argument(context, inline, token, flag);
                    var targetName = arg.Text;
                    if (targetName.Length == 0) throw line.Error(arg, "empty target name");
                    if (generic == GenericOption.Goto)
                    {
                        if (ExtensionRegistry.IsTargetName(targetName)) throw line.Error(arg, "-g needs a user chain, not the target " + targetName);
                        target = new JumpTarget(targetName, Goto: true);
                        jumpToken = arg;
                        break;
                    }
                    target = ExtensionRegistry.Verdict(targetName);
                    if (target is not null) break;
                    targetParser = ExtensionRegistry.CreateTarget(targetName, arg);
                    if (targetParser is not null)
                    {
                        extensions.Add(targetParser);
                        break;
                    }
                    var known = ExtensionRegistry.IsOtherTargetExtension(targetName);
                    var raw = ScanRaw(context, extensions, stopAtKnownOptions: !known);
                    if (known || raw.Length > 0)
                    {
                        target = new RawTarget(targetName, raw, null);
                    }
                    else
                    {
                        target = new JumpTarget(targetName);
                        jumpToken = arg;
                    }
                    break;
                }
                case GenericOption.SetCounters:
                {
                    if (!allowCounters) throw line.Error(token, "-c is not allowed here");
                    if (invert) throw line.Error(invertToken, "cannot have ! before -c");
                    if (counters.HasValue) throw line.Error(token, "counters given twice for one rule");
                    var packets = Argument(context, inline, token, "-c");
                    if (!context.HasMore) throw line.Error(token, "-c requires two arguments: PACKETS BYTES");
                    var bytes = context.Next();
                    counters = Counters.Of(Counter(packets, line), Counter(bytes, line));
                    break;
                }
                case GenericOption.Table:
                    throw line.Error(token, "the -t option cannot be used here (tables are selected by *table lines)");
                default:
                    throw line.Error(token, "only one command is allowed per line (unexpected \"" + text + "\")");
            }
            invert = false;
        }
        if (invert) throw line.Error(invertToken, "! is not followed by an option");

        // Final checks, then build in rule order.
        var built = new Match[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is MatchParser parser)
            {
                parser.Finish(context);
                built[i] = parser.Build(context);
            }
            else
            {
                built[i] = (Match)matches[i];
            }
        }
        if (targetParser is not null)
        {
            targetParser.Finish(context);
            target = targetParser.Build(context);
        }

        var rule = new Rule
        {
            Source = source,
            Destination = destination,
            InInterface = inInterface,
            OutInterface = outInterface,
            Protocol = protocol,
            Fragment = fragment,
            Matches = built.Length == 0 ? ValueList<Match>.Empty : new ValueList<Match>(built),
            Target = target,
            Counters = counters,
        };
        return new ParsedRule(rule, jumpToken);
    }

    /// <summary>
    /// Resolves a long option: generic exact, then the newest extension that has it exactly, then
    /// a unique prefix among all of them (as getopt_long); throws when a prefix is ambiguous.
    /// </summary>
    private static GenericOption ResolveLong(ref string name, List<ExtensionParser> extensions, InputLine line, RuleToken token, out ExtensionParser? owner, out int specIndex)
    {
        owner = null;
        specIndex = -1;
        var generic = GenericOptions.LongExact(name);
        if (generic != GenericOption.None) return generic;
        for (var i = extensions.Count - 1; i >= 0; i--)
        {
            var index = extensions[i].FindOption(name);
            if (index >= 0)
            {
                owner = extensions[i];
                specIndex = index;
                return GenericOption.None;
            }
        }
        if (name.Length == 0) return GenericOption.None;

        // Unique prefix: candidates that mean different things make it ambiguous.
        var found = false;
        var resultGeneric = GenericOption.None;
        ExtensionParser? resultOwner = null;
        var resultIndex = -1;
        string resultName = name;
        string? firstKey = null;
        var ambiguous = false;
        var names = new List<string>();
        foreach (var (n, option) in GenericOptions.Long)
        {
            if (!n.StartsWith(name, System.StringComparison.Ordinal)) continue;
            names.Add("--" + n);
            var key = option == GenericOption.Command ? "command " + n : "generic " + option;
            if (!found)
            {
                found = true;
                firstKey = key;
                resultGeneric = option;
                resultName = n;
            }
            else if (key != firstKey)
            {
                ambiguous = true;
            }
        }
        for (var i = extensions.Count - 1; i >= 0; i--)
        {
            var options = extensions[i].Options;
            for (var k = 0; k < options.Length; k++)
            {
                if (!options[k].Name.StartsWith(name, System.StringComparison.Ordinal)) continue;
                names.Add("--" + options[k].Name);
                var key = extensions[i].GetType().Name + " " + options[k].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!found)
                {
                    found = true;
                    firstKey = key;
                    resultOwner = extensions[i];
                    resultIndex = k;
                    resultName = options[k].Name;
                }
                else if (key != firstKey)
                {
                    ambiguous = true;
                }
            }
        }
        if (!found) return GenericOption.None;
        if (ambiguous) throw line.Error(token, "option \"--" + name + "\" is ambiguous (" + string.Join(", ", names) + ")");
        name = resultName;
        owner = resultOwner;
        specIndex = resultIndex;
        return resultGeneric;
    }

    /// <summary>
    /// Collects the verbatim option text of an unknown extension: arguments up to the next generic
    /// option (or <c>!</c> before one), and — for a <c>-j</c> name that may be a chain — up to an
    /// option of an extension already loaded.
    /// </summary>
    private static string ScanRaw(RuleParseContext context, List<ExtensionParser> extensions, bool stopAtKnownOptions)
    {
        var tokens = context.Tokens;
        var first = context.Position;
        var end = first;
        while (end < tokens.Count)
        {
            var t = tokens[end];
            if (GenericOptions.IsGeneric(t)) break;
            if (!t.Quoted && t.Text == "!" && end + 1 < tokens.Count && GenericOptions.IsGeneric(tokens[end + 1])) break;
            if (stopAtKnownOptions && IsKnownExtensionOption(t, tokens, end, extensions)) break;
            end++;
        }
        context.Position = end;
        if (end == first) return string.Empty;
        var sb = new StringBuilder();
        var lineText = context.Line.Text;
        for (var i = first; i < end; i++)
        {
            sb.Append(' ');
            sb.Append(lineText, tokens[i].Start, tokens[i].End - tokens[i].Start);
        }
        return sb.ToString();
    }

    private static bool IsKnownExtensionOption(RuleToken t, List<RuleToken> tokens, int index, List<ExtensionParser> extensions)
    {
        if (!t.Quoted && t.Text == "!" && index + 1 < tokens.Count) t = tokens[index + 1];
        if (t.Quoted || !t.Text.StartsWith("--", System.StringComparison.Ordinal)) return false;
        var eq = t.Text.IndexOf('=');
        var name = eq < 0 ? t.Text.Substring(2) : t.Text.Substring(2, eq - 2);
        foreach (var extension in extensions)
        {
            if (extension.FindOption(name) >= 0) return true;
        }
        return false;
    }

    private static RuleToken Argument(RuleParseContext context, RuleToken? inline, RuleToken option, string flag)
    {
        if (inline.HasValue) return inline.Value;
        if (!context.HasMore) throw context.Line.Error(option, "option \"" + flag + "\" requires an argument");
        return context.Next();
    }

    private static void NoInline(RuleToken? inline, InputLine line, RuleToken token)
    {
        if (inline.HasValue) throw line.Error(token, "option \"" + token.Text + "\" doesn't allow an argument");
    }

    private static void Once(ref int seen, int bit, InputLine line, RuleToken token, string flag)
    {
        if ((seen & bit) != 0) throw line.Error(token, "multiple " + flag + " flags not allowed");
        seen |= bit;
    }

    private static ulong Counter(RuleToken token, InputLine line)
    {
        if (!CNumber.TryParseDecimal(token.Text, 0, token.Text.Length, out var value))
        {
            throw line.Error(token, "invalid counter \"" + token.Text + "\" (a decimal number below 2^64)");
        }
        return value;
    }

    private static string UnknownHint(RuleParseContext context, bool protocolUsed)
    {
        if (context.Protocol is int p && !protocolUsed && ExtensionRegistry.ImplicitMatchName(p) is null)
        {
            return " (the match module of protocol " + ProtocolNames.SaveName(p) + " is not supported)";
        }
        return context.Protocol is null ? " (if it belongs to a protocol match, give -p or -m before it)" : string.Empty;
    }
}
