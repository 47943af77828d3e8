using System;
using System.IO;
using System.Text;

namespace NatDsl.Tests.Cli;

/// <summary>A temporary folder for one test, deleted when disposed.</summary>
public sealed class TempFiles : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "natdsl-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>Writes a UTF-8 file in the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A path in the folder.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Reads a file of the folder.</summary>
    public string Read(string name) => File.ReadAllText(PathOf(name), new UTF8Encoding(false));

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
