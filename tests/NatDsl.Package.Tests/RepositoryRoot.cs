using System.IO;
using NUnit.Framework;

namespace NatDsl.Package.Tests;

/// <summary>The repository this test assembly was built from: the nearest folder above it holding NatDsl.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "NatDsl.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new DirectoryNotFoundException("no NatDsl.sln above " + TestContext.CurrentContext.TestDirectory);
        }
    }
}
