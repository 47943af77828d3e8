namespace NatDsl.Generator.Emission;

/// <summary>The runtime calls generated code makes, in one place.</summary>
internal static class RuntimeCalls
{
    /// <summary>An expression that parses the save text held by <paramref name="constant"/>; <paramref name="source"/> names it in parse errors.</summary>
    public static string ParseScript(string constant, string source) =>
        "global::NatDsl.Formats.Save.SaveParser.Parse(" + constant + ", " + CSharpNames.StringLiteral(source) + ").RuleSet";
}
