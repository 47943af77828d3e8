using System;
using NatDsl.Cli.Presentation;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Cli.Generation;

/// <summary>
/// <c>natdsl generate --since OLD.rules</c>: the <c>iptables-restore --noflush</c> input that turns
/// the rules of OLD (a script an earlier <c>generate</c> wrote, which the node applied) into
/// those of the script just generated, computed by the runtime's <see cref="RestoreScript.Delta"/>.
/// </summary>
public static class DeltaRestore
{
    /// <summary>Reads OLD: iptables-save or iptables-restore text; anything else is bad input (exit 2, located when it does not parse).</summary>
    public static RuleSet ReadOld(string path, ProgressReporter? progress = null)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var dump = DumpInput.Read(path, lenient: false, progress: progress);
        if (dump.Format != DumpFormat.Save)
        {
            throw new UserInputException("--since " + dump.Source + ": expected iptables-save or iptables-restore text (a script 'natdsl generate' wrote), found " + DumpInput.Describe(dump));
        }
        return dump.RuleSet;
    }

    /// <summary>The delta from <paramref name="old"/> to the generated <paramref name="script"/>.</summary>
    /// <param name="old">The rules of OLD (<see cref="ReadOld"/>).</param>
    /// <param name="oldSource">OLD's display name, for messages.</param>
    /// <param name="script">The whole script just generated (iptables-restore text).</param>
    /// <returns>The restore text; empty when nothing changed.</returns>
    public static string Compute(RuleSet old, string oldSource, string script)
    {
        if (old is null) throw new ArgumentNullException(nameof(old));
        if (script is null) throw new ArgumentNullException(nameof(script));
        var @new = SaveParser.ParseRuleSet(script, "<generated script>");
        // A --noflush script leaves the built-in chains alone; a whole dump as OLD would make the
        // delta flush them and delete every chain kube-proxy does not write (the node's hooks,
        // the CNI's chains).
        if (RestoreOverlay.IsNoFlushScript(@new) && !RestoreOverlay.IsNoFlushScript(old))
        {
            throw new UserInputException("--since " + oldSource + ": it has rules in built-in chains (" + FirstBuiltinWithRules(old) +
                "), like a whole dump, but the generated script is kube-proxy's --noflush content: the delta would empty those chains. " +
                "Give the script an earlier 'natdsl generate' wrote with the same options.");
        }
        try
        {
            return RestoreScript.Delta(old, @new);
        }
        catch (ArgumentException e)
        {
            var message = e.ParamName is null ? e.Message : e.Message.Replace(" (Parameter '" + e.ParamName + "')", string.Empty);
            throw new UserInputException("--since " + oldSource + ": no delta to the generated rules: " + message);
        }
    }

    private static string FirstBuiltinWithRules(RuleSet ruleSet)
    {
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                if (chain.IsBuiltin && chain.Rules.Count > 0) return table.Name + " " + chain.Name;
            }
        }
        return "none";
    }
}
