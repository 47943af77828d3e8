using System;
using System.Collections;
using System.Collections.Generic;

namespace NatDsl.Model;

/// <summary>
/// An immutable list with structural equality, so that records holding lists compare by value.
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new ValueList<T>(Array.Empty<T>(), copy: false);

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items)
    {
        _items = items is null ? Array.Empty<T>() : new List<T>(items).ToArray();
    }

    private ValueList(T[] items, bool copy)
    {
        _items = copy ? (T[])items.Clone() : items;
    }

    /// <summary>Wraps an array the caller promises never to change again.</summary>
    internal static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items, copy: false);

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>Returns a new list with <paramref name="item"/> appended.</summary>
    public ValueList<T> Add(T item)
    {
        var next = new T[_items.Length + 1];
        Array.Copy(_items, next, _items.Length);
        next[_items.Length] = item;
        return new ValueList<T>(next, copy: false);
    }

    /// <summary>Returns a new list with the item at <paramref name="index"/> replaced.</summary>
    public ValueList<T> SetItem(int index, T item)
    {
        var next = (T[])_items.Clone();
        next[index] = item;
        return new ValueList<T>(next, copy: false);
    }

    /// <summary>Returns a new list without the item at <paramref name="index"/>.</summary>
    public ValueList<T> RemoveAt(int index)
    {
        var next = new List<T>(_items);
        next.RemoveAt(index);
        return new ValueList<T>(next.ToArray(), copy: false);
    }

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._items.Length != _items.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i])) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            var comparer = EqualityComparer<T>.Default;
            foreach (var item in _items)
            {
                hash = (hash * 31) + (item is null ? 0 : comparer.GetHashCode(item));
            }
            return hash;
        }
    }

    /// <summary>An enumerator that allocates nothing (foreach over a <see cref="ValueList{T}"/> uses it).</summary>
    public Enumerator GetEnumerator() => new Enumerator(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Enumerates the items of a <see cref="ValueList{T}"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public T Current => _items[_index];

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>Equality operator.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}
