using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>The chains a restore script declares in one table, in declaration order.</summary>
/// <param name="Table">The table name.</param>
/// <param name="Chains">The declared chains (each written as <c>:CHAIN - [0:0]</c>, which flushes it under <c>--noflush</c>).</param>
public sealed record TableScope(string Table, ValueList<string> Chains);
