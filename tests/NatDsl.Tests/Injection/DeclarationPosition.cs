using System;
using NatDsl.Dsl;

namespace NatDsl.Tests.Injection;

/// <summary>A place in a declaration where a user-supplied string goes, and a benign value for it.</summary>
/// <param name="Name">Where (for messages).</param>
/// <param name="Benign">A valid value of that kind: the same declaration with it is the baseline.</param>
/// <param name="Declare">Declares a small cluster with the value at this place.</param>
public sealed record DeclarationPosition(string Name, string Benign, Action<ClusterBuilder, string> Declare)
{
    /// <summary>The place's name.</summary>
    public override string ToString() => Name;
}
