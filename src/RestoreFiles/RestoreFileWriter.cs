using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NatDsl.RestoreFiles;

/// <summary>
/// Writes one <c>&lt;Class&gt;.rules</c> file per rule set into the output folder, which this step
/// owns: <c>.rules</c> files there that no rule set wrote (a renamed or deleted class) are removed.
/// </summary>
internal static class RestoreFileWriter
{
    public const string Extension = ".rules";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The file name of each rule set: its class name, or its full name when two rule set classes
    /// of the assembly share a class name.
    /// </summary>
    public static IReadOnlyList<(RuleSetScript RuleSet, string FileName)> FileNames(IReadOnlyList<RuleSetScript> scripts)
    {
        var shared = scripts.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return scripts.Select(s => (s, (shared.Contains(s.Name) ? s.FullName : s.Name) + Extension)).ToList();
    }

    /// <summary>Writes the files (a file whose content is already right is left untouched) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<RuleSetScript> scripts, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var written = new List<string>();
            foreach (var (ruleSet, fileName) in FileNames(scripts))
            {
                var path = Path.Combine(directory, fileName);
                var bytes = Utf8.GetBytes(ruleSet.Script);
                if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(path, bytes);
                written.Add(path);
            }
            var keep = new HashSet<string>(written.Select(Path.GetFileName)!, StringComparer.Ordinal);
            foreach (var stale in Directory.GetFiles(directory, "*" + Extension))
            {
                if (!keep.Contains(Path.GetFileName(stale))) File.Delete(stale);
            }
            return written;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RestoreFilesException("cannot write the restore files to '" + directory + "': " + exception.Message, exception);
        }
    }
}
