using System;
using System.IO;
using System.Text;

namespace NatDsl.Cli;

/// <summary>Writes output to stdout, or to a file atomically (temporary file, then rename).</summary>
public static class OutputFiles
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (stdout when null or <c>-</c>).</summary>
    public static void Write(string? path, string text)
    {
        if (path is null || path == "-")
        {
            var stdout = Console.OpenStandardOutput();
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stdout.Write(bytes, 0, bytes.Length);
            stdout.Flush();
            return;
        }
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw new UserInputException(path + ": " + e.Message);
        }
    }
}
