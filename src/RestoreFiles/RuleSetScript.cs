namespace NatDsl.RestoreFiles;

/// <summary>A <c>[NatRuleSet]</c> class of a built assembly and the restore script the generator gave it.</summary>
/// <param name="FullName">Namespace and containing types, dot-separated (<c>Clusters.Edge.Node</c>).</param>
/// <param name="Name">The class's own name (<c>Node</c>).</param>
/// <param name="Script">The value of its <c>RestoreScript</c> constant.</param>
internal sealed record RuleSetScript(string FullName, string Name, string Script);
