using System;
using System.IO;
using System.Text;

namespace NatDsl.Cli;

/// <summary>Reads an input argument: a file path, or <c>-</c> for standard input.</summary>
public static class InputFiles
{
    /// <summary>The display name used in error messages (<c>&lt;stdin&gt;</c> for <c>-</c>).</summary>
    public static string DisplayName(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>Reads the whole input as UTF-8 text.</summary>
    public static string ReadAll(string path)
    {
        if (path == "-")
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            return stdin.ReadToEnd();
        }
        if (!File.Exists(path)) throw new UserInputException(path + ": no such file");
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
