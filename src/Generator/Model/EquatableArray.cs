using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace NatDsl.Generator.Model;

/// <summary>
/// An immutable array with value equality, so that pipeline models compare by content and the
/// incremental generator can tell an unchanged input from a changed one.
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    public EquatableArray(IEnumerable<T> items)
    {
        _items = items is T[] array ? (T[])array.Clone() : new List<T>(items).ToArray();
    }

    private EquatableArray(T[] items, bool owned)
    {
        _items = owned ? items : (T[])items.Clone();
    }

    public static EquatableArray<T> Empty => default;

    /// <summary>Wraps an array the caller never touches again.</summary>
    public static EquatableArray<T> Own(T[] items) => new(items, owned: true);

    public int Count => _items?.Length ?? 0;

    public T this[int index] => (_items ?? Array.Empty<T>())[index];

    public bool IsEmpty => Count == 0;

    public ImmutableArray<T> ToImmutableArray() => _items is null ? ImmutableArray<T>.Empty : ImmutableArray.Create(_items);

    public bool Equals(EquatableArray<T> other)
    {
        var left = _items ?? Array.Empty<T>();
        var right = other._items ?? Array.Empty<T>();
        if (ReferenceEquals(left, right)) return true;
        if (left.Length != right.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i])) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            if (_items is null) return hash;
            var comparer = EqualityComparer<T>.Default;
            foreach (var item in _items)
            {
                hash = (hash * 31) + (item is null ? 0 : comparer.GetHashCode(item));
            }
            return hash;
        }
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}

/// <summary>Creation helpers for <see cref="EquatableArray{T}"/>.</summary>
internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);

    public static EquatableArray<T> ToEquatableArray<T>(this List<T> items) => EquatableArray<T>.Own(items.ToArray());
}
