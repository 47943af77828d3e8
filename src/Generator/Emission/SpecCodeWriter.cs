using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Emission;

/// <summary>
/// Writes C# that constructs a value equal to a given spec object, generically over the spec
/// records' public members: literals and enum members, <c>T.Parse("…")</c> for types that
/// round-trip through their text (addresses, networks), constructors matched to properties,
/// object initializers for the init-only properties that differ from a fresh instance, and
/// list constructors. While it writes, it rebuilds the value by reflection the same way and
/// gives up (returns null) unless the rebuilt value equals the original, so whatever it emits
/// is known to reproduce the spec. Each element of a top-level collection (every service) gets
/// its own small method, so a thousand services never make one giant method.
/// </summary>
internal sealed class SpecCodeWriter
{
    private const string Indent = "    ";
    private readonly List<string> _methods = new();

    private SpecCodeWriter()
    {
    }

    /// <summary>The factory methods (the first is <c>Create()</c>), or null when the value cannot be written.</summary>
    public static EquatableArray<string>? Write(object spec)
    {
        var writer = new SpecCodeWriter();
        try
        {
            var (code, rebuilt) = writer.Write(spec, spec.GetType(), depth: 0);
            if (!Equals(rebuilt, spec)) return null;
            writer._methods.Insert(0, "internal static " + CSharpNames.TypeName(spec.GetType()) + " Create() => " + code + ";");
            return writer._methods.ToEquatableArray();
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private (string Code, object? Value) Write(object? value, Type declared, int depth)
    {
        if (value is null) return ("null", null);
        var type = value.GetType();
        if (CSharpNames.Literal(value) is { } literal)
        {
            return (NeedsCast(type, declared) ? "(" + CSharpNames.TypeName(declared) + ")" + literal : literal, value);
        }
        RequirePublic(type);
        if (TryParse(value, type) is { } parsed) return parsed;
        if (TryCollection(value, type, depth) is { } collection) return collection;
        return WriteObject(value, type, depth);
    }

    private static bool NeedsCast(Type type, Type declared)
    {
        var target = Nullable.GetUnderlyingType(declared) ?? declared;
        return target != type && target != typeof(object) && !target.IsAssignableFrom(type);
    }

    /// <summary><c>T.Parse("text")</c> when <c>T.Parse(value.ToString())</c> gives the value back.</summary>
    private static (string, object?)? TryParse(object value, Type type)
    {
        var parse = type.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
        if (parse is null || parse.ReturnType != type) return null;
        var text = value.ToString();
        if (text is null) return null;
        object? back;
        try
        {
            back = parse.Invoke(null, new object[] { text });
        }
        catch (TargetInvocationException)
        {
            return null;
        }
        if (!Equals(back, value)) return null;
        return (CSharpNames.TypeName(type) + ".Parse(" + CSharpNames.StringLiteral(text) + ")", back);
    }

    /// <summary>Arrays, and list types with a public constructor taking <c>IEnumerable&lt;T&gt;</c>.</summary>
    private (string, object?)? TryCollection(object value, Type type, int depth)
    {
        Type? elementType;
        ConstructorInfo? constructor = null;
        if (type.IsArray)
        {
            elementType = type.GetElementType()!;
        }
        else
        {
            elementType = type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .Select(i => i.GetGenericArguments()[0])
                .FirstOrDefault();
            if (elementType is null) return null;
            constructor = type.GetConstructor(new[] { typeof(IEnumerable<>).MakeGenericType(elementType) });
            if (constructor is null) return null;
        }

        var items = ((IEnumerable)value).Cast<object?>().ToList();
        var ownMethods = depth == 1 && items.Count > 0 && items.All(i => i is not null && CSharpNames.Literal(i) is null);
        var rebuilt = Array.CreateInstance(elementType, items.Count);
        var code = new StringBuilder();
        code.Append("new ").Append(CSharpNames.TypeName(elementType)).Append("[]\n{\n");
        for (var i = 0; i < items.Count; i++)
        {
            var (itemCode, itemValue) = Write(items[i], elementType, depth + 1);
            if (ownMethods) itemCode = AddMethod(elementType, itemCode);
            code.Append(IndentLines(itemCode)).Append(",\n");
            rebuilt.SetValue(itemValue, i);
        }
        code.Append('}');
        if (constructor is null) return (code.ToString(), rebuilt);
        return ("new " + CSharpNames.TypeName(type) + "(" + code + ")", constructor.Invoke(new object[] { rebuilt }));
    }

    /// <summary>Constructor matched to properties (or the parameterless one), then an initializer for what still differs.</summary>
    private (string, object?) WriteObject(object value, Type type, int depth)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .ToList();
        var constructor = ChooseConstructor(type, properties);
        if (constructor is null && !type.IsValueType) throw new NotSupportedException("No way to construct " + type.FullName);

        var code = new StringBuilder("new ").Append(CSharpNames.TypeName(type));
        object rebuilt;
        var parameters = constructor?.GetParameters() ?? Array.Empty<ParameterInfo>();
        var arguments = new object?[parameters.Length];
        if (parameters.Length > 0)
        {
            code.Append('(');
            for (var i = 0; i < parameters.Length; i++)
            {
                var property = properties.First(p => string.Equals(p.Name, parameters[i].Name, StringComparison.OrdinalIgnoreCase));
                var (argumentCode, argumentValue) = Write(property.GetValue(value), parameters[i].ParameterType, depth + 1);
                if (i > 0) code.Append(", ");
                code.Append(argumentCode);
                arguments[i] = argumentValue;
            }
            code.Append(')');
        }
        rebuilt = constructor is null ? Activator.CreateInstance(type)! : constructor.Invoke(arguments);

        var initializers = new StringBuilder();
        foreach (var property in properties)
        {
            if (property.SetMethod is not { IsPublic: true }) continue;
            var wanted = property.GetValue(value);
            if (Equals(wanted, property.GetValue(rebuilt))) continue;
            var (propertyCode, propertyValue) = Write(wanted, property.PropertyType, depth + 1);
            property.SetValue(rebuilt, propertyValue);
            initializers.Append(IndentLines(property.Name + " = " + propertyCode)).Append(",\n");
        }
        if (initializers.Length > 0)
        {
            code.Append("\n{\n").Append(initializers).Append('}');
        }
        else if (parameters.Length == 0)
        {
            code.Append("()");
        }
        return (code.ToString(), rebuilt);
    }

    private static ConstructorInfo? ChooseConstructor(Type type, List<PropertyInfo> properties)
    {
        ConstructorInfo? best = null;
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            var parameters = constructor.GetParameters();
            var matches = parameters.All(p => properties.Any(q =>
                string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase) && p.ParameterType.IsAssignableFrom(q.PropertyType)));
            if (!matches) continue;
            // A record's copy constructor is protected, so it never shows up here.
            if (best is null || parameters.Length < best.GetParameters().Length) best = constructor;
        }
        return best;
    }

    private string AddMethod(Type type, string code)
    {
        var name = "Item" + _methods.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _methods.Add("private static " + CSharpNames.TypeName(type) + " " + name + "() =>\n" + IndentLines(code) + ";");
        return name + "()";
    }

    private static void RequirePublic(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (!(t.IsPublic || t.IsNestedPublic)) throw new NotSupportedException(type.FullName + " is not public");
        }
    }

    private static string IndentLines(string code) => Indent + code.Replace("\n", "\n" + Indent);
}
