using System;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Workloads;

/// <summary>
/// A generated workload with its derived forms, each computed once on first use: the spec,
/// the node's self-contained rules (what iptables-save prints after a full restore), their
/// iptables-save text, and <c>iptables -t TABLE -L -v -n</c> listings of the nat and filter tables.
/// </summary>
public sealed class Workload
{
    private readonly Lazy<RuleSet> _ruleSet;
    private readonly Lazy<string> _saveText;
    private readonly Lazy<string> _natListing;
    private readonly Lazy<string> _filterListing;

    /// <summary>Wraps <paramref name="spec"/> (validated on first compilation).</summary>
    public Workload(string name, ClusterSpec spec)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _ruleSet = new Lazy<RuleSet>(() => Compile(Spec));
        _saveText = new Lazy<string>(() => SaveRenderer.Render(RuleSet));
        _natListing = new Lazy<string>(() => ListingRenderer.Render(RuleSet, "nat", ListingForm.VerboseNumeric));
        _filterListing = new Lazy<string>(() => ListingRenderer.Render(RuleSet, "filter", ListingForm.VerboseNumeric));
    }

    /// <summary>Generates the workload of <paramref name="shape"/>.</summary>
    public static Workload Create(WorkloadShape shape)
    {
        if (shape is null) throw new ArgumentNullException(nameof(shape));
        return new Workload(shape.Name, ClusterWorkload.Generate(shape));
    }

    /// <summary>The workload's name (S, M, …).</summary>
    public string Name { get; }

    /// <summary>The declarations.</summary>
    public ClusterSpec Spec { get; }

    /// <summary>The node's whole filter and nat tables (<see cref="CompileOptions.SelfContained"/>).</summary>
    public RuleSet RuleSet => _ruleSet.Value;

    /// <summary><see cref="RuleSet"/> as iptables-save prints it (no header, no counters).</summary>
    public string SaveText => _saveText.Value;

    /// <summary>The nat table as <c>iptables -t nat -L -v -n</c> prints it.</summary>
    public string NatListing => _natListing.Value;

    /// <summary>The filter table as <c>iptables -t filter -L -v -n</c> prints it.</summary>
    public string FilterListing => _filterListing.Value;

    /// <summary>The same node with other declarations (for edits).</summary>
    public Workload With(ClusterSpec spec, string? name = null) => new Workload(name ?? Name, spec);

    /// <summary>The node's whole tables for <paramref name="spec"/>.</summary>
    public static RuleSet Compile(ClusterSpec spec) => KubeProxyCompiler.Compile(spec, NodeOptions);

    /// <summary>The restore text of the node's whole tables for <paramref name="spec"/> (that of <see cref="Compile"/>, rendered as it is compiled).</summary>
    public static string Render(ClusterSpec spec) => SaveRenderer.Render(spec, NodeOptions);

    private static readonly CompileOptions NodeOptions = new CompileOptions { SelfContained = true };
}
