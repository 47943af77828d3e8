using System;
using System.IO;
using System.Text;

namespace NatDsl.Tests.Testing;

/// <summary>A fresh temporary folder for golden and received files, deleted on dispose.</summary>
internal sealed class GoldenFolder : IDisposable
{
    public GoldenFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "natdsl-golden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public static string Read(string path) => System.IO.File.ReadAllText(path, new UTF8Encoding(false));

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
