using System;
using System.IO;

namespace NatDsl.RestoreFiles;

/// <summary>
/// <c>dotnet exec NatDsl.RestoreFiles.dll &lt;assembly&gt; &lt;output folder&gt;</c>: writes the restore
/// script of every <c>[NatRuleSet]</c> class of the assembly as <c>&lt;output folder&gt;/&lt;Class&gt;.rules</c>.
/// Errors are printed in MSBuild's canonical form so the build shows them as errors.
/// </summary>
internal static class Program
{
    private const string Origin = "NatDsl.RestoreFiles";

    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine(Origin + " : error : usage: " + Origin + " <assembly> <output folder>");
            return 2;
        }
        try
        {
            var scripts = RuleSetScriptReader.Read(Path.GetFullPath(args[0]));
            var written = RestoreFileWriter.Write(scripts, Path.GetFullPath(args[1]));
            if (written.Count == 0) Console.WriteLine(Origin + ": no [NatRuleSet] class in " + Path.GetFileName(args[0]) + "; no restore file written");
            foreach (var path in written) Console.WriteLine(Origin + ": " + path);
            return 0;
        }
        catch (RestoreFilesException exception)
        {
            Console.Error.WriteLine(Origin + " : error : " + exception.Message);
            return 1;
        }
    }
}
