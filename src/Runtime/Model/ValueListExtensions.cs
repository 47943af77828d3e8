using System.Collections.Generic;

namespace NatDsl.Model;

/// <summary>Conversions into <see cref="ValueList{T}"/>.</summary>
public static class ValueListExtensions
{
    /// <summary>Copies a sequence into an immutable, value-equal list.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => ValueList<T>.Own(new List<T>(items).ToArray());
}
