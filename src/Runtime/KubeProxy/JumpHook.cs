namespace NatDsl.KubeProxy;

/// <summary>
/// One hook rule as kube-proxy (or kubelet) installs it outside the restore script:
/// <c>EnsureChain(Table, Target)</c>, then <c>EnsureRule(Prepend, Table, Source, [-m conntrack --ctstate NEW] [-m comment --comment C] -j Target)</c>.
/// </summary>
/// <param name="Table">filter or nat.</param>
/// <param name="Source">The built-in chain that jumps.</param>
/// <param name="Target">The chain jumped to.</param>
/// <param name="Comment">The comment, or null for none.</param>
/// <param name="ConntrackNew">Whether <c>-m conntrack --ctstate NEW</c> comes first.</param>
public sealed record JumpHook(string Table, string Source, string Target, string? Comment, bool ConntrackNew);
