using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Short human descriptions of model values for difference explanations (not iptables syntax:
/// that is produced only by the formats).
/// </summary>
internal static class ValueDescription
{
    private static readonly Dictionary<Type, PropertyInfo[]> PropertiesByType = new Dictionary<Type, PropertyInfo[]>();

    /// <summary>Describes a value: null as <paramref name="none"/>, numbers invariant, lists comma-separated.</summary>
    public static string Of(object? value, string none = "none")
    {
        switch (value)
        {
            case null:
                return none;
            case string text:
                return text;
            case bool flag:
                return flag ? "true" : "false";
            case Enum e:
                return e.ToString();
            case IFormattable formattable when value is not IpAddress && value is not IpNetwork:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case NatRange range:
                return Of(range);
            case TcpFlagsMatch flags:
                return (flags.Inverted ? "! " : string.Empty) + Of(flags.Mask) + " / " + Of(flags.Compare);
            case IEnumerable items:
                return string.Join(",", items.Cast<object?>().Select(item => Of(item)).ToArray());
        }
        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Negatable<>))
        {
            var inverted = (bool)type.GetProperty("Inverted")!.GetValue(value)!;
            return (inverted ? "! " : string.Empty) + Of(type.GetProperty("Value")!.GetValue(value));
        }
        return value.ToString() ?? none;
    }

    /// <summary>A mark and mask as <c>0x4000/0x4000</c>.</summary>
    public static string Mark(uint value, uint mask, bool inverted = false) =>
        (inverted ? "! " : string.Empty) + Hex(value) + "/" + Hex(mask);

    private static string Hex(uint value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static string Of(NatRange range)
    {
        var text = new StringBuilder();
        if (range.MinAddress.HasValue)
        {
            text.Append(range.MinAddress.Value);
            if (range.MaxAddress.HasValue && range.MaxAddress != range.MinAddress) text.Append('-').Append(range.MaxAddress.Value);
        }
        if (range.Ports.HasValue) text.Append(':').Append(range.Ports.Value.First.ToString(CultureInfo.InvariantCulture))
            .Append(range.Ports.Value.IsSingle ? string.Empty : "-" + range.Ports.Value.Last.ToString(CultureInfo.InvariantCulture));
        if (range.BasePort.HasValue) text.Append(" base ").Append(range.BasePort.Value.ToString(CultureInfo.InvariantCulture));
        return text.Length == 0 ? "any" : text.ToString();
    }

    /// <summary>
    /// "prop a vs b" for each settable public property that differs between two values of the
    /// same type, in declaration order, joined with ", ".
    /// </summary>
    public static string PropertyDifferences(object expected, object actual)
    {
        var parts = new List<string>();
        foreach (var property in PropertiesOf(expected.GetType()))
        {
            var left = property.GetValue(expected);
            var right = property.GetValue(actual);
            if (Equals(left, right)) continue;
            parts.Add(Words(property.Name) + " " + Of(left) + " vs " + Of(right));
        }
        return parts.Count == 0 ? "differs" : string.Join(", ", parts.ToArray());
    }

    private static PropertyInfo[] PropertiesOf(Type type)
    {
        lock (PropertiesByType)
        {
            if (!PropertiesByType.TryGetValue(type, out var properties))
            {
                properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
                    .OrderBy(p => p.MetadataToken)
                    .ToArray();
                PropertiesByType.Add(type, properties);
            }
            return properties;
        }
    }

    /// <summary><c>DestinationPort</c> → <c>destination port</c>.</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) text.Append(' ');
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
