namespace NatDsl.Generator.Model;

/// <summary>The restore script of one table (<c>*nat</c> … <c>COMMIT</c>).</summary>
internal sealed record TableScript(string Table, string Script);
