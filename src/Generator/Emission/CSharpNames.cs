using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace NatDsl.Generator.Emission;

/// <summary>C# spellings of runtime types and constant values for generated code.</summary>
internal static class CSharpNames
{
    /// <summary><c>global::</c>-qualified C# name of a type.</summary>
    public static string TypeName(Type type)
    {
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(int)) return "int";
        if (type == typeof(uint)) return "uint";
        if (type == typeof(long)) return "long";
        if (type == typeof(ulong)) return "ulong";
        if (type == typeof(short)) return "short";
        if (type == typeof(ushort)) return "ushort";
        if (type == typeof(byte)) return "byte";
        if (type == typeof(sbyte)) return "sbyte";
        if (type == typeof(char)) return "char";
        if (type == typeof(double)) return "double";
        if (type == typeof(float)) return "float";
        if (type == typeof(decimal)) return "decimal";
        if (type == typeof(object)) return "object";
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return TypeName(underlying) + "?";

        var builder = new StringBuilder();
        if (type.IsNested)
        {
            builder.Append(TypeName(type.DeclaringType!)).Append('.');
        }
        else
        {
            builder.Append("global::");
            if (!string.IsNullOrEmpty(type.Namespace)) builder.Append(type.Namespace).Append('.');
        }
        var name = type.Name;
        var tick = name.IndexOf('`');
        builder.Append(tick < 0 ? name : name.Substring(0, tick));
        if (type.IsGenericType)
        {
            builder.Append('<');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0) builder.Append(", ");
                builder.Append(TypeName(arguments[i]));
            }
            builder.Append('>');
        }
        return builder.ToString();
    }

    /// <summary>A C# string literal.</summary>
    public static string StringLiteral(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A C# literal for a primitive, string or enum value, or null when there is none.</summary>
    public static string? Literal(object? value)
    {
        switch (value)
        {
            case null: return "null";
            case string s: return StringLiteral(s);
            case bool b: return b ? "true" : "false";
            case char c: return SymbolDisplay.FormatLiteral(c, quote: true);
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case uint u: return u.ToString(CultureInfo.InvariantCulture) + "U";
            case long l: return l.ToString(CultureInfo.InvariantCulture) + "L";
            case ulong ul: return ul.ToString(CultureInfo.InvariantCulture) + "UL";
            case short s16: return "(short)" + Parenthesize(s16.ToString(CultureInfo.InvariantCulture));
            case ushort u16: return "(ushort)" + u16.ToString(CultureInfo.InvariantCulture);
            case byte u8: return "(byte)" + u8.ToString(CultureInfo.InvariantCulture);
            case sbyte s8: return "(sbyte)" + Parenthesize(s8.ToString(CultureInfo.InvariantCulture));
            case double d when !double.IsNaN(d) && !double.IsInfinity(d): return d.ToString("R", CultureInfo.InvariantCulture) + "D";
            case float f when !float.IsNaN(f) && !float.IsInfinity(f): return f.ToString("R", CultureInfo.InvariantCulture) + "F";
            case decimal m: return m.ToString(CultureInfo.InvariantCulture) + "M";
            case Enum e:
                var type = e.GetType();
                var name = Enum.GetName(type, e);
                if (name is not null) return TypeName(type) + "." + name;
                return "(" + TypeName(type) + ")(" + Convert.ToString(Convert.ChangeType(e, Enum.GetUnderlyingType(type), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ")";
            default: return null;
        }
    }

    private static string Parenthesize(string number) => number.StartsWith("-", StringComparison.Ordinal) ? "(" + number + ")" : number;
}
