using System;
using System.IO;

namespace CiRestoreFiles;

/// <summary>Shows where the build put the restore file and that it is the generated script.</summary>
internal static class Program
{
    private static int Main()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "natdsl", nameof(EdgeCluster) + ".rules");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine("no restore file at " + path + " (was NatDslEmitRestoreFiles set?)");
            return 1;
        }
        var same = string.Equals(File.ReadAllText(path), EdgeCluster.RestoreScript, StringComparison.Ordinal);
        Console.WriteLine(path + (same ? " holds EdgeCluster.RestoreScript" : " differs from EdgeCluster.RestoreScript"));
        return same ? 0 : 1;
    }
}
