using System.Collections.Generic;
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
    public static ParsedRule Parse(RuleParseContext context, string chain, bool allowCounters, Counters? prefixCounters)
    {
        var line = context.Line;
        // Reused from rule to rule (a rule is parsed completely before the next one starts).
        var extensions = context.Extensions;
        var matches = context.Matches; // MatchParser or a finished Match (raw)
        extensions.Clear();
        matches.Clear();
        context.StartRule();
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
            // The option's characters, read where they are (its text is made only when needed).
            token.Range(out var chars, out var at);
            var length = token.Length;
            // Quotes do not matter here: iptables-restore removes them before its option loop.
            if (length == 1 && chars[at] == '!')
            {
                if (invert) throw line.Error(token, "multiple ! flags not allowed");
                invert = true;
                invertToken = token;
                continue;
            }
            if (length < 2 || chars[at] != '-')
            {
                throw line.Error(token, "unexpected argument \"" + token.Text + "\" (not an option)");
            }

            GenericOption generic;
            string name;
            RuleToken? inline = null;
            ExtensionParser? owner = null;
            var specIndex = -1;
            if (chars[at + 1] == '-')
            {
                var eq = chars.IndexOf('=', at, length);
                name = context.Pool.Intern(chars, at + 2, (eq < 0 ? at + length : eq) - at - 2);
                if (eq >= 0) inline = new RuleToken(chars.Substring(eq + 1, at + length - eq - 1), token.Start + (eq - at) + 1, token.End, false);
                generic = OptionResolver.ResolveLong(ref name, extensions, line, token, out owner, out specIndex);
                if (generic == GenericOption.None && owner is null && !protocolUsed && context.Protocol is int p && p != 0)
                {
                    var implicitName = ExtensionRegistry.ImplicitMatchName(p);
                    if (implicitName is not null)
                    {
                        protocolUsed = true;
                        var parser = ExtensionRegistry.CreateMatch(implicitName, token, context)!;
                        extensions.Add(parser);
                        matches.Add(parser);
                        generic = OptionResolver.ResolveLong(ref name, extensions, line, token, out owner, out specIndex);
                    }
                }
                if (generic == GenericOption.None && owner is null)
                {
                    throw line.Error(token, "unknown option \"--" + name + "\"" + UnknownHint(context, protocolUsed));
                }
                if (inline.HasValue && GenericOptions.ReadsWholeWord(generic)) inline = WholeWord(token, generic, line);
            }
            else
            {
                // A short option needs no string (only an error names it).
                generic = GenericOptions.Short(chars[at + 1]);
                if (length > 2)
                {
                    // Attached: -m and -g take the rest of the word; the others iptables reads from
                    // the whole word; a flag (-f) or command cannot have a value attached.
                    if (GenericOptions.ReadsWholeWord(generic)) inline = WholeWord(token, generic, line);
                    else if (generic is GenericOption.Match or GenericOption.Goto) inline = new RuleToken(chars.Substring(at + 2, length - 2), token.Start + 2, token.End, token.Quoted);
                    else generic = GenericOption.None;
                }
                if (generic == GenericOption.None) throw line.Error(token, "unknown option \"" + token.Text + "\"");
                name = string.Empty;
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
                    var value = network.IsAny && !invert ? null : context.SharedNetwork(network, invert);
                    if (generic == GenericOption.Source) source = value;
                    else destination = value;
                    break;
                }
                case GenericOption.InInterface:
                case GenericOption.OutInterface:
                {
                    var flag = generic == GenericOption.InInterface ? "-i" : "-o";
                    Once(ref seen, bit, line, token, flag);
                    if (generic == GenericOption.OutInterface ? chain is "PREROUTING" or "INPUT" : chain is "POSTROUTING" or "OUTPUT")
                    {
                        throw line.Error(token, "can't use " + flag + " with " + chain);
                    }
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
                    if (!ProtocolText.TryParse(arg.Text, out var number)) throw line.Error(arg, "unknown protocol \"" + arg.Text + "\"");
                    if (number == 0 && invert) throw line.Error(arg, "rule would never match protocol");
                    protocol = number == 0 ? null : context.SharedProtocol(number, invert);
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
                    var module = arg.Text;
                    CheckName(module, arg, line, "match");
                    if (HasCapital(module))
                    {
                        // Every match extension is named in lower case (capitals name targets):
                        // iptables cannot load this one, known to us or not.
                        var lower = module.ToLowerInvariant();
                        throw line.Error(arg, "no match named \"" + module + "\" (match names are in lower case" + (ExtensionRegistry.IsKnownMatch(lower) ? "; did you mean " + lower + "?)" : ")"));
                    }
                    var parser = ExtensionRegistry.CreateMatch(module, arg, context);
                    if (parser is not null)
                    {
                        extensions.Add(parser);
                        matches.Add(parser);
                    }
                    else
                    {
                        matches.Add(new RawMatch(module, RawOptionText.Scan(context, extensions, stopAtKnownOptions: false), null));
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
                    CheckName(targetName, arg, line, "target");
                    if (generic == GenericOption.Goto)
                    {
                        if (ExtensionRegistry.IsTargetName(targetName)) throw line.Error(arg, "-g needs a user chain, not the target " + targetName);
                        target = new JumpTarget(context.Share(targetName), Goto: true);
                        jumpToken = arg;
                        break;
                    }
                    var mayBeTarget = ExtensionRegistry.MayBeTargetName(targetName);
                    target = mayBeTarget ? ExtensionRegistry.Verdict(targetName) : null;
                    if (target is not null) break;
                    targetParser = mayBeTarget ? ExtensionRegistry.CreateTarget(targetName, arg, context) : null;
                    if (targetParser is not null)
                    {
                        extensions.Add(targetParser);
                        break;
                    }
                    var known = mayBeTarget && ExtensionRegistry.IsOtherTargetExtension(targetName);
                    var raw = RawOptionText.Scan(context, extensions, stopAtKnownOptions: !known);
                    if (known || raw.Length > 0)
                    {
                        target = new RawTarget(targetName, raw, null);
                    }
                    else
                    {
                        target = context.SharedJump(targetName, arg.Pooled);
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
                    var comma = packets.Text.IndexOf(',');
                    if (comma >= 0)
                    {
                        // "-c PACKETS,BYTES", which iptables also reads.
                        var text = packets.Text;
                        counters = Counters.Of(
                            Counter(new RuleToken(text.Substring(0, comma), packets.Start, packets.Start + comma, packets.Quoted), line),
                            Counter(new RuleToken(text.Substring(comma + 1), packets.Start + comma + 1, packets.End, packets.Quoted), line));
                        break;
                    }
                    if (!context.HasMore) throw line.Error(token, "-c requires two arguments: PACKETS BYTES (or PACKETS,BYTES)");
                    var bytes = context.Next();
                    counters = Counters.Of(Counter(packets, line), Counter(bytes, line));
                    break;
                }
                case GenericOption.Table:
                    throw line.Error(token, "the -t option cannot be used here (tables are selected by *table lines)");
                case GenericOption.Verbose:
                    // iptables-restore prints the rule and adds it as usual.
                    if (invert) throw line.Error(invertToken, "cannot have ! before -v");
                    NoInline(inline, line, token);
                    break;
                case GenericOption.Modprobe:
                    if (invert) throw line.Error(invertToken, "cannot have ! before --modprobe");
                    Argument(context, inline, token, "--modprobe");
                    break;
                case GenericOption.NotInRule:
                    throw line.Error(token, "option \"" + token.Text + "\" cannot be used in a rule line");
                case GenericOption.Ipv4:
                case GenericOption.Ipv6:
                    // The rule's family, as an address would say it. (iptables-restore of the other
                    // family skips the rule; here a dump of the other family is refused, not thinned.)
                    if (invert) throw line.Error(invertToken, "cannot have ! before " + token.Text);
                    NoInline(inline, line, token);
                    context.Family.Observe(generic == GenericOption.Ipv4 ? IpFamily.V4 : IpFamily.V6, line, token, token.Text + " (the rule's family)");
                    break;
                default:
                    throw line.Error(token, "only one command is allowed per line (unexpected \"" + token.Text + "\")");
            }
            invert = false;
        }
        if (invert) throw line.Error(invertToken, "! is not followed by an option");

        // Final checks, then build in rule order.
        var built = context.BuiltFor(matches.Count);
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
            Matches = context.SharedMatches(matches.Count),
            Target = target,
            Counters = counters,
        };
        return new ParsedRule(rule, jumpToken);
    }

    /// <summary>Extension and chain names after -m/-j/-g: non-empty, without blanks or quotes (they could not be written back).</summary>
    private static void CheckName(string name, RuleToken token, InputLine line, string what)
    {
        if (name.Length == 0) throw line.Error(token, "empty " + what + " name");
        foreach (var c in name)
        {
            if (c == ' ' || c == '\t' || c == '"' || c == '\n')
            {
                throw line.Error(token, "invalid " + what + " name \"" + name + "\" (blanks and quotes are not allowed)");
            }
        }
    }

    /// <summary>
    /// The value of an option iptables reads from its own word (<see cref="GenericOptions.ReadsWholeWord"/>)
    /// when the value is attached: the whole word, which only -i and -o accept (as an interface name).
    /// </summary>
    private static RuleToken WholeWord(RuleToken token, GenericOption option, InputLine line)
    {
        var flag = option switch
        {
            GenericOption.Source => "-s",
            GenericOption.Destination => "-d",
            GenericOption.Protocol => "-p",
            GenericOption.Jump => "-j",
            _ => null,
        };
        if (flag is not null)
        {
            throw line.Error(token, "iptables takes the whole word \"" + token.Text + "\" as the value of " + flag + ", which is not valid; write the value as a separate word (" + flag + " VALUE)");
        }
        return new RuleToken(token.Text, token.Start, token.End, token.Quoted);
    }

    private static bool HasCapital(string name)
    {
        foreach (var c in name)
        {
            if (c >= 'A' && c <= 'Z') return true;
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
