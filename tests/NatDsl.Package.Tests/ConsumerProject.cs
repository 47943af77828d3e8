using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NatDsl.Package.Tests;

/// <summary>
/// A fresh console project in the package workspace that references only the NatDsl package, as
/// a user would write it.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(PackageWorkspace workspace, string name)
    {
        Workspace = workspace;
        Name = name;
        Directory = Path.Combine(workspace.Root, name);
    }

    public PackageWorkspace Workspace { get; }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>bin/Debug/net10.0 of the project.</summary>
    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0");

    /// <summary>Writes the project file and the sources (file name → text).</summary>
    public static ConsumerProject Create(PackageWorkspace workspace, string name, IReadOnlyDictionary<string, string> sources, string extraProperties = "")
    {
        var project = new ConsumerProject(workspace, name);
        System.IO.Directory.CreateDirectory(project.Directory);
        project.Write(name + ".csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
            "  <PropertyGroup>\n" +
            "    <OutputType>Exe</OutputType>\n" +
            "    <TargetFramework>net10.0</TargetFramework>\n" +
            "    <Nullable>enable</Nullable>\n" +
            "    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n" +
            extraProperties +
            "  </PropertyGroup>\n" +
            "  <ItemGroup>\n" +
            "    <PackageReference Include=\"NatDsl\" Version=\"" + workspace.Version + "\" />\n" +
            "  </ItemGroup>\n" +
            "</Project>\n");
        foreach (var (file, text) in sources) project.Write(file, text);
        return project;
    }

    public CommandResult Build() =>
        DotnetCommand.Run(Directory, Workspace.ConsumerEnvironment, "build", "--disable-build-servers", "-c", "Debug");

    public CommandResult Run() =>
        DotnetCommand.Run(Directory, Workspace.ConsumerEnvironment, "exec", Path.Combine(OutputDirectory, Name + ".dll"));

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(Directory, file), text, new UTF8Encoding(false));
}
