using System.Collections.Generic;

namespace NatDsl.Model;

/// <summary>Conversions into <see cref="ValueList{T}"/>.</summary>
public static class ValueListExtensions
{
    /// <summary>Copies a sequence into an immutable, value-equal list.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items)
    {
        if (items is ICollection<T> collection)
        {
            // One copy instead of two (List then ToArray) for lists and arrays.
            if (collection.Count == 0) return ValueList<T>.Empty;
            var array = new T[collection.Count];
            collection.CopyTo(array, 0);
            return ValueList<T>.Own(array);
        }
        return ValueList<T>.Own(new List<T>(items).ToArray());
    }
}
