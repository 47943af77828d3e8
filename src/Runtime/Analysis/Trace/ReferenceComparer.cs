using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace NatDsl.Analysis.Trace;

/// <summary>Compares instances by reference (model types compare by value, which hashes a whole chain).</summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new ReferenceComparer<T>();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
