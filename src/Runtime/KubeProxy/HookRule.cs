using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>A rule installed outside the restore script with <c>EnsureRule</c> (checked with <c>-C</c>, added if missing).</summary>
/// <param name="Table">The table.</param>
/// <param name="Chain">The chain (a built-in chain for hooks).</param>
/// <param name="Rule">The rule.</param>
/// <param name="Position">Prepend or append when missing.</param>
/// <param name="Owner">Who installs it: kube-proxy, kubelet, flannel or ip-masq-agent.</param>
public sealed record HookRule(string Table, string Chain, Rule Rule, HookPosition Position, string Owner);
