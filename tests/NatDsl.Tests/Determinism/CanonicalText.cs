using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace NatDsl.Tests.Determinism;

/// <summary>
/// Prints any result of the library (records, value lists, structs) field by field. Numbers and
/// dates the library hands back raw are printed with the invariant culture and lists are walked
/// item by item (a record's generated ToString is .NET's, not the library's), so what remains
/// culture- or time-sensitive is only the library's own formatting: every ToString a NatDsl type
/// writes itself (addresses, networks, counters, probabilities, port ranges, errors…) is used as
/// is, and so is every string the library produced.
/// </summary>
public static class CanonicalText
{
    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value, 0);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value, int depth)
    {
        if (depth > 40) throw new InvalidOperationException("too deep: " + value?.GetType());
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                sb.Append('"').Append(s).Append('"');
                return;
            case Enum e:
                sb.Append(e.GetType().Name).Append('.').Append(e.ToString());
                return;
            case Delegate:
                sb.Append("<delegate>");
                return;
        }
        var type = value.GetType();
        if (value is IEnumerable items)
        {
            sb.Append('[');
            var first = true;
            foreach (var item in items)
            {
                if (!first) sb.Append(", ");
                first = false;
                Append(sb, item, depth + 1);
            }
            sb.Append(']');
            return;
        }
        if (OwnToString(type))
        {
            sb.Append(type.Name).Append('(').Append(value).Append(')');
            return;
        }
        if (value is IFormattable formattable && (type.IsPrimitive || value is decimal || value is DateTime || value is DateTimeOffset || value is TimeSpan))
        {
            sb.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
            return;
        }
        if (type.IsPrimitive)
        {
            sb.Append(value);
            return;
        }
        sb.Append(type.Name).Append(" {");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            sb.Append(' ').Append(property.Name).Append('=');
            Append(sb, property.GetValue(value), depth + 1);
        }
        sb.Append(" }");
    }

    /// <summary>True for NatDsl types that write their own text (not a record's generated ToString).</summary>
    private static bool OwnToString(Type type)
    {
        if (type.Assembly != typeof(NatDsl.Model.RuleSet).Assembly) return false;
        var method = type.GetMethod("ToString", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
        return method is not null && method.DeclaringType == type && method.GetCustomAttribute<CompilerGeneratedAttribute>() is null;
    }
}
