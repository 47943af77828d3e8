using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NatDsl.Cli.Generation;

/// <summary>
/// Reads a DSL input: a single <c>.cs</c> file, or a <c>.csproj</c> whose sources are collected the
/// way the SDK's default Compile items are (every <c>**/*.cs</c> under the project directory except
/// <c>bin/</c>, <c>obj/</c> and hidden directories). Explicit <c>Compile</c> items, package
/// references and other projects are not evaluated: only the runtime and the framework are
/// referenced. <c>ImplicitUsings</c> and <c>Nullable</c> are read from the project file.
/// </summary>
internal static class DslSourceLoader
{
    /// <summary>Whether <paramref name="path"/> names a DSL input (<c>.cs</c> or <c>.csproj</c>) rather than a dump.</summary>
    public static bool IsDslInput(string path) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || IsProject(path);

    /// <summary>Whether <paramref name="path"/> names a project file.</summary>
    public static bool IsProject(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads the sources; a missing or unreadable input is a <see cref="UserInputException"/>.</summary>
    public static DslSources Load(string path)
    {
        if (!File.Exists(path)) throw new UserInputException(path + ": no such file");
        var directory = Path.GetDirectoryName(path) ?? string.Empty;
        if (!IsProject(path))
        {
            return new DslSources(path, new[] { new DslSourceFile(path, Read(path)) }, directory, ImplicitUsings: false, NullableEnabled: true);
        }

        var (implicitUsings, nullable) = ReadProjectSettings(path);
        var root = Path.GetFullPath(string.IsNullOrEmpty(directory) ? "." : directory);
        var relative = new List<string>();
        Collect(root, string.Empty, relative);
        relative.Sort(StringComparer.Ordinal);
        var files = new List<DslSourceFile>();
        foreach (var file in relative)
        {
            files.Add(new DslSourceFile(Path.Combine(directory, file), Read(Path.Combine(root, file))));
        }
        if (files.Count == 0) throw new UserInputException(path + ": the project has no .cs files");
        return new DslSources(path, files, directory, implicitUsings, nullable);
    }

    private static void Collect(string root, string relative, List<string> files)
    {
        var full = relative.Length == 0 ? root : Path.Combine(root, relative);
        foreach (var file in Directory.GetFiles(full, "*.cs"))
        {
            files.Add(relative.Length == 0 ? Path.GetFileName(file) : Path.Combine(relative, Path.GetFileName(file)));
        }
        foreach (var sub in Directory.GetDirectories(full))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith(".", StringComparison.Ordinal)) continue;
            if (relative.Length == 0 && (string.Equals(name, "bin", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "obj", StringComparison.OrdinalIgnoreCase))) continue;
            Collect(root, relative.Length == 0 ? name : Path.Combine(relative, name), files);
        }
    }

    private static (bool ImplicitUsings, bool Nullable) ReadProjectSettings(string path)
    {
        XDocument project;
        try
        {
            project = XDocument.Parse(Read(path));
        }
        catch (XmlException e)
        {
            throw new UserInputException(path + "(" + e.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," +
                e.LinePosition.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): not a project file: " + e.Message);
        }
        string? Property(string name)
        {
            string? value = null;
            foreach (var element in project.Descendants())
            {
                if (element.Name.LocalName == name && element.Parent?.Name.LocalName == "PropertyGroup") value = element.Value.Trim();
            }
            return value;
        }
        static bool On(string? value) => string.Equals(value, "enable", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        return (On(Property("ImplicitUsings")), On(Property("Nullable")));
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(path + ": " + e.Message);
        }
    }
}
