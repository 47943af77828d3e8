namespace NatDsl.Generator.Model;

/// <summary>
/// Everything the emitter writes for one rule set, as plain strings.
/// </summary>
/// <param name="RestoreScript">The whole restore script, exactly as the runtime's save renderer prints the compiled rule set.</param>
/// <param name="Tables">One script per table, in rule-set order.</param>
/// <param name="Chains">Chain-name constants.</param>
/// <param name="NodeScript">The self-contained rules of the node (hooks, kubelet's and the plugin's chains) as save text: what a dump from the node shows, and a script that loads into an empty namespace.</param>
/// <param name="SpecFactory">Methods of the spec factory (the first is <c>Create()</c>); empty when the spec cannot be written as code and <c>ClusterSpec.Build(Define)</c> is used instead.</param>
internal sealed record GeneratedRuleSet(
    string RestoreScript,
    EquatableArray<TableScript> Tables,
    EquatableArray<ChainConstant> Chains,
    EquatableArray<string> SpecFactory,
    string? NodeScript);
