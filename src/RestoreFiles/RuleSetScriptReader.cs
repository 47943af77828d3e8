using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NatDsl.RestoreFiles;

/// <summary>
/// Finds the <c>[NatRuleSet]</c> classes of a built assembly and the <c>RestoreScript</c> constant
/// the NatDsl generator wrote into each, from the assembly's metadata only: the user's code is
/// neither loaded nor run, so its target framework and dependencies do not matter.
/// </summary>
internal static class RuleSetScriptReader
{
    public const string AttributeNamespace = "NatDsl.Dsl";
    public const string AttributeName = "NatRuleSetAttribute";
    public const string ScriptConstant = "RestoreScript";

    /// <summary>The rule set classes of the assembly, ordered by full name (ordinal).</summary>
    public static IReadOnlyList<RuleSetScript> Read(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var image = new PEReader(stream);
            if (!image.HasMetadata) throw new RestoreFilesException("'" + assemblyPath + "' is not a .NET assembly");
            return Read(image.GetMetadataReader());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            throw new RestoreFilesException("cannot read '" + assemblyPath + "': " + exception.Message, exception);
        }
    }

    private static List<RuleSetScript> Read(MetadataReader reader)
    {
        var scripts = new List<RuleSetScript>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!IsRuleSet(reader, type)) continue;
            var fullName = FullName(reader, type);
            var script = Script(reader, type)
                ?? throw new RestoreFilesException("the [NatRuleSet] class '" + fullName + "' has no generated " + ScriptConstant
                    + " constant; is the NatDsl source generator running for this project?");
            scripts.Add(new RuleSetScript(fullName, reader.GetString(type.Name), script));
        }
        scripts.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return scripts;
    }

    private static bool IsRuleSet(MetadataReader reader, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            EntityHandle attributeType;
            if (constructor.Kind == HandleKind.MemberReference) attributeType = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
            else if (constructor.Kind == HandleKind.MethodDefinition) attributeType = reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
            else continue;
            if (IsAttributeType(reader, attributeType)) return true;
        }
        return false;
    }

    private static bool IsAttributeType(MetadataReader reader, EntityHandle handle)
    {
        if (handle.Kind == HandleKind.TypeReference)
        {
            var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
            return reader.StringComparer.Equals(reference.Name, AttributeName) && reader.StringComparer.Equals(reference.Namespace, AttributeNamespace);
        }
        if (handle.Kind == HandleKind.TypeDefinition)
        {
            var definition = reader.GetTypeDefinition((TypeDefinitionHandle)handle);
            return reader.StringComparer.Equals(definition.Name, AttributeName) && reader.StringComparer.Equals(definition.Namespace, AttributeNamespace);
        }
        return false;
    }

    private static string? Script(MetadataReader reader, TypeDefinition type)
    {
        foreach (var handle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(handle);
            if ((field.Attributes & FieldAttributes.Literal) == 0 || !reader.StringComparer.Equals(field.Name, ScriptConstant)) continue;
            var value = field.GetDefaultValue();
            if (value.IsNil) continue;
            var constant = reader.GetConstant(value);
            if (constant.TypeCode != ConstantTypeCode.String) continue;
            var blob = reader.GetBlobReader(constant.Value);
            return blob.ReadUTF16(blob.Length);
        }
        return null;
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return FullName(reader, reader.GetTypeDefinition(declaring)) + "." + name;
        var space = reader.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
