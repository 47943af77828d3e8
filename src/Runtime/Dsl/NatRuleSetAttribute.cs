using System;

namespace NatDsl.Dsl;

/// <summary>
/// Marks a static partial class whose <c>static void Define(ClusterBuilder cluster)</c> method
/// declares a cluster; the NatDsl generator reads the calls at compile time and completes the
/// class with the compiled rules.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class NatRuleSetAttribute : Attribute
{
    /// <summary>Optional path of a golden dump the generated rules are compared with.</summary>
    public string? Golden { get; set; }
}
