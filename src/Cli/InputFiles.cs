using System;
using System.IO;
using System.Text;
using NatDsl.Cli.Presentation;

namespace NatDsl.Cli;

/// <summary>Reads an input argument: a file path, or <c>-</c> for standard input.</summary>
public static class InputFiles
{
    private const int ChunkChars = 1 << 16;

    /// <summary>The display name used in error messages (<c>&lt;stdin&gt;</c> for <c>-</c>).</summary>
    public static string DisplayName(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>Reads the whole input as UTF-8 text (a byte order mark is dropped).</summary>
    /// <param name="path">The file, or <c>-</c> for standard input.</param>
    /// <param name="progress">Shows <c>reading FILE  42% (12.3 MB)</c> (bytes read of the file's size; of standard input, the amount read).</param>
    public static string ReadAll(string path, ProgressReporter? progress = null) =>
        Stream(path, "reading " + DisplayName(path), progress, reader => reader.ReadToEnd());

    /// <summary>
    /// Reads the input as UTF-8 text (a byte order mark is dropped) and hands it to
    /// <paramref name="consume"/> as a reader, so a large file is processed as it is read rather
    /// than held whole; progress shows the bytes consumed.
    /// </summary>
    /// <param name="path">The file, or <c>-</c> for standard input.</param>
    /// <param name="what">What the progress line says is happening (<c>reading and parsing FILE</c>).</param>
    /// <param name="progress">The progress display.</param>
    /// <param name="consume">Reads the text.</param>
    public static T Stream<T>(string path, string what, ProgressReporter? progress, Func<TextReader, T> consume)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        if (consume is null) throw new ArgumentNullException(nameof(consume));
        progress ??= ProgressReporter.Silent();
        if (path == "-")
        {
            using var phase = progress.Begin(what, ProgressUnit.Bytes);
            using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            return consume(new ProgressTextReader(stdin, phase, () => -1));
        }
        if (!File.Exists(path)) throw new UserInputException(path + ": no such file");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkChars);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(path + ": " + e.Message);
        }
        using (stream)
        {
            using var phase = progress.Begin(what, ProgressUnit.Bytes, stream.Length);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            try
            {
                return consume(new ProgressTextReader(reader, phase, () => stream.Position));
            }
            catch (IOException e)
            {
                throw new UserInputException(path + ": " + e.Message);
            }
        }
    }
}
