using System.IO;
using System.Text;

namespace NatDsl.Package.Tests;

/// <summary>The consumer rule set sources embedded in this assembly (the same files this project compiles).</summary>
internal static class ConsumerSources
{
    public const string PackageCluster = "PackageCluster.cs";
    public const string NodeClusters = "NodeClusters.cs";

    public static string Read(string fileName)
    {
        using var stream = typeof(ConsumerSources).Assembly.GetManifestResourceStream("Consumer/" + fileName)
            ?? throw new FileNotFoundException("no embedded consumer source " + fileName);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }
}
