using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Tests.Formats.Save;

/// <summary>Helpers that wrap single rule lines into a restore file.</summary>
internal static class SaveText
{
    /// <summary>Parses one rule line (with chains X and Y declared) and returns the table.</summary>
    public static Table ParseTable(string ruleLine, string table = "filter", IpFamily? family = null)
    {
        var text = "*" + table + "\n:X - [0:0]\n:Y - [0:0]\n" + ruleLine + "\nCOMMIT\n";
        return SaveParser.ParseRuleSet(text, "test", new SaveParseOptions { Family = family }).FindTable(table)!;
    }

    /// <summary>Parses one rule line and returns the only rule of the chain it was added to.</summary>
    public static Rule ParseRule(string ruleLine, string table = "filter", IpFamily? family = null)
    {
        var chainName = ruleLine.Split(' ')[1];
        return ParseTable(ruleLine, table, family).FindChain(chainName)!.Rules[0];
    }

    /// <summary>Parses one rule line and renders it back as iptables-save would.</summary>
    public static string Canonical(string ruleLine, string table = "filter", IpFamily? family = null)
    {
        var chainName = ruleLine.Split(' ')[1];
        return SaveRenderer.RenderRule(chainName, ParseRule(ruleLine, table, family));
    }
}
