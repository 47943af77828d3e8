using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Applies one command line (<c>-A</c>, <c>-I</c>, <c>-R</c>, <c>-D</c>, <c>-N</c>, <c>-X</c>,
/// <c>-F</c>, <c>-P</c>) to a table, as iptables-restore would.
/// </summary>
internal static class RestoreCommands
{
    /// <summary>Executes the command whose arguments are in <paramref name="context"/> (cursor at the command).</summary>
    public static void Execute(TableState table, RuleParseContext context, Counters? prefixCounters, RuleToken? prefixToken)
    {
        var line = context.Line;
        if (!context.HasMore)
        {
            if (prefixToken.HasValue) throw line.Error(prefixToken.Value, "counters without a rule");
            throw line.Error(0, "empty command");
        }
        var command = context.Next();
        var name = command.Text;
        switch (name)
        {
            case "-A":
            case "--append":
            {
                var chain = table.Require(ChainArgument(context, command), line);
                table.AddRule(chain, ParseRule(table, chain.Name, context, prefixCounters));
                return;
            }
            case "-I":
            case "--insert":
            {
                var chain = table.Require(ChainArgument(context, command), line);
                var index = 1;
                if (context.HasMore && !StartsOption(context.Peek())) index = RuleNumber(context.Next(), line);
                if (index > chain.RuleCount + 1) throw line.Error(command, "index of insertion too big (chain " + chain.Name + " has " + chain.RuleCount.ToString(CultureInfo.InvariantCulture) + " rules)");
                table.InsertRule(chain, index - 1, ParseRule(table, chain.Name, context, prefixCounters));
                return;
            }
            case "-R":
            case "--replace":
            {
                var chain = table.Require(ChainArgument(context, command), line);
                if (!context.HasMore) throw line.Error(command, "-R requires a rule number");
                var numberToken = context.Next();
                var index = RuleNumber(numberToken, line);
                if (index > chain.RuleCount) throw line.Error(numberToken, "rule " + index.ToString(CultureInfo.InvariantCulture) + " does not exist in chain " + chain.Name);
                table.ReplaceRule(chain, index - 1, ParseRule(table, chain.Name, context, prefixCounters));
                return;
            }
            case "-D":
            case "--delete":
            {
                NoPrefix(prefixToken, line, "-D");
                var chain = table.Require(ChainArgument(context, command), line);
                if (context.Position == context.Tokens.Count - 1 && !StartsOption(context.Peek()))
                {
                    var numberToken = context.Next();
                    var index = RuleNumber(numberToken, line);
                    if (index > chain.RuleCount) throw line.Error(numberToken, "rule " + index.ToString(CultureInfo.InvariantCulture) + " does not exist in chain " + chain.Name);
                    table.RemoveRule(chain, index - 1);
                    return;
                }
                var start = context.Position < context.Tokens.Count ? context.Peek() : command;
                var rule = RuleSpecParser.Parse(context, chain.Name, allowCounters: false, prefixCounters: null).Rule;
                for (var i = 0; i < chain.RuleCount; i++)
                {
                    if (chain.RuleAt(i).WithCounters(null) == rule)
                    {
                        table.RemoveRule(chain, i);
                        return;
                    }
                }
                throw line.Error(start, "no such rule in chain " + chain.Name + " (bad rule: does a matching rule exist in that chain?)");
            }
            case "-N":
            case "--new-chain":
            {
                NoPrefix(prefixToken, line, "-N");
                var token = ChainArgument(context, command);
                NoMore(context);
                if (table.Find(token.Text) is not null) throw line.Error(token, "chain \"" + token.Text + "\" already exists");
                ChainNames.Validate(token, line);
                table.Add(token.Text, builtin: false);
                return;
            }
            case "-X":
            case "--delete-chain":
            {
                NoPrefix(prefixToken, line, "-X");
                if (!context.HasMore)
                {
                    foreach (var c in new System.Collections.Generic.List<ChainState>(table.Chains))
                    {
                        if (c.Builtin) continue;
                        if (c.RuleCount > 0) throw line.Error(command, "chain " + c.Name + " is not empty (flush it first)");
                    }
                    foreach (var c in new System.Collections.Generic.List<ChainState>(table.Chains))
                    {
                        if (!c.Builtin && table.References(c.Name) > 0) throw line.Error(command, "chain " + c.Name + " is still referenced");
                    }
                    foreach (var c in new System.Collections.Generic.List<ChainState>(table.Chains))
                    {
                        if (!c.Builtin) table.Remove(c);
                    }
                    return;
                }
                var token = context.Next();
                NoMore(context);
                var chain = table.Require(token, line);
                if (chain.Builtin) throw line.Error(token, "cannot delete the built-in chain " + chain.Name);
                if (chain.RuleCount > 0) throw line.Error(token, "chain " + chain.Name + " is not empty (flush it first)");
                if (table.References(chain.Name) > 0) throw line.Error(token, "chain " + chain.Name + " is still referenced");
                table.Remove(chain);
                return;
            }
            case "-F":
            case "--flush":
            {
                NoPrefix(prefixToken, line, "-F");
                if (!context.HasMore)
                {
                    foreach (var c in table.Chains) table.Flush(c);
                    return;
                }
                var token = context.Next();
                NoMore(context);
                table.Flush(table.Require(token, line));
                return;
            }
            case "-P":
            case "--policy":
            {
                NoPrefix(prefixToken, line, "-P");
                var token = ChainArgument(context, command);
                var chain = table.Find(token.Text);
                if (!context.HasMore) throw line.Error(command, "-P requires a chain and a policy");
                var policyToken = context.Next();
                var policy = Policy(policyToken, line);
                if (chain is null)
                {
                    if (table.IsStandard) throw line.Error(token, "chain \"" + token.Text + "\" is not a built-in chain of table " + table.Name);
                    ChainNames.Validate(token, line);
                    chain = table.Add(token.Text, builtin: true);
                }
                else if (!chain.Builtin)
                {
                    throw line.Error(token, "a policy can only be set on a built-in chain (" + chain.Name + " is a user chain)");
                }
                table.Touch(chain);
                chain.Policy = policy;
                if (context.HasMore)
                {
                    var c = context.Next();
                    if (c.Text != "-c" && c.Text != "--set-counters") throw line.Error(c, "unexpected argument \"" + c.Text + "\" after the policy");
                    if (!context.HasMore) throw line.Error(c, "-c requires two arguments: PACKETS BYTES");
                    var packets = context.Next();
                    if (!context.HasMore) throw line.Error(c, "-c requires two arguments: PACKETS BYTES");
                    var bytes = context.Next();
                    NoMore(context);
                    chain.Counters = Counters.Of(Counter(packets, line), Counter(bytes, line));
                }
                return;
            }
            default:
                if (name == "-t" || name == "--table") throw line.Error(command, "the -t option cannot be used here (tables are selected by *table lines)");
                throw line.Error(command, "expected a command (-A, -I, -R, -D, -N, -X, -F or -P), found \"" + command.Text + "\"");
        }
    }

    /// <summary><c>ACCEPT</c> or <c>DROP</c> (the only policies the kernel takes).</summary>
    public static ChainPolicy Policy(RuleToken token, InputLine line) => token.Text switch
    {
        "ACCEPT" => ChainPolicy.Accept,
        "DROP" => ChainPolicy.Drop,
        _ => throw line.Error(token, "bad policy \"" + token.Text + "\" (ACCEPT or DROP)"),
    };

    private static Rule ParseRule(TableState table, string chain, RuleParseContext context, Counters? prefixCounters)
    {
        var parsed = RuleSpecParser.Parse(context, chain, allowCounters: true, prefixCounters);
        if (parsed.JumpToken.HasValue) table.CheckJump(parsed.JumpToken.Value, context.Line);
        return parsed.Rule;
    }

    private static RuleToken ChainArgument(RuleParseContext context, RuleToken command)
    {
        if (!context.HasMore) throw context.Line.Error(command, "option \"" + command.Text + "\" requires a chain name");
        return context.Next();
    }

    private static bool StartsOption(RuleToken token) => token.Text.Length > 0 && (token.Text[0] == '-' || token.Text[0] == '!');

    private static int RuleNumber(RuleToken token, InputLine line)
    {
        if (!CNumber.IsDigits(token.Text) || !CNumber.TryParseDecimal(token.Text, 0, token.Text.Length, out var n) || n < 1 || n > int.MaxValue)
        {
            throw line.Error(token, "invalid rule number \"" + token.Text + "\"");
        }
        return (int)n;
    }

    private static void NoMore(RuleParseContext context)
    {
        if (context.HasMore)
        {
            var extra = context.Next();
            throw context.Line.Error(extra, "unexpected argument \"" + extra.Text + "\"");
        }
    }

    private static void NoPrefix(RuleToken? prefixToken, InputLine line, string command)
    {
        if (prefixToken.HasValue) throw line.Error(prefixToken.Value, "[packets:bytes] counters cannot be used with " + command);
    }

    private static ulong Counter(RuleToken token, InputLine line)
    {
        if (!CNumber.TryParseDecimal(token.Text, 0, token.Text.Length, out var value))
        {
            throw line.Error(token, "invalid counter \"" + token.Text + "\" (a decimal number below 2^64)");
        }
        return value;
    }
}
