using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace NatDsl.Generator.Tests.Snapshots;

/// <summary>
/// A small snapshot helper with Verify's file naming: <c>{Class}.{Method}.verified.txt</c> and
/// <c>{Class}.{Method}#{Name}.verified.{ext}</c> in the Snapshots folder beside the test file.
/// Text is compared exactly (after LF line ends, no BOM, scrubbed generator version). On a
/// mismatch the actual text goes to <c>*.received.*</c> (git-ignored) and the test fails with a
/// unified diff. A missing snapshot is created, except with <c>CI=true</c>, where it fails.
/// Verified files of the test that nothing produced any more fail the test as stale.
/// <c>NATDSL_ACCEPT=1</c> overwrites verified files with the actual text and fails the run, so
/// an accepting run is never mistaken for a green one.
/// </summary>
public static class SnapshotAssert
{
    private const int MaxDiffLines = 200;

    /// <summary>Checks a set of named snapshot texts (key: "" for the info file, else the name after '#'; value: extension and text).</summary>
    public static void Match(IReadOnlyList<SnapshotFile> files, [CallerFilePath] string testFile = "")
    {
        var test = TestContext.CurrentContext.Test;
        var className = test.ClassName is { } full ? full.Substring(full.LastIndexOf('.') + 1) : "Unknown";
        var prefix = className + "." + test.MethodName;
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        Directory.CreateDirectory(directory);

        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var accept = Environment.GetEnvironmentVariable("NATDSL_ACCEPT") == "1";
        var failures = new List<string>();
        var expectedNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in files)
        {
            var stem = file.Name.Length == 0 ? prefix : prefix + "#" + file.Name;
            var verifiedPath = Path.Combine(directory, stem + ".verified." + file.Extension);
            var receivedPath = Path.Combine(directory, stem + ".received." + file.Extension);
            expectedNames.Add(Path.GetFileName(verifiedPath));
            var actual = Normalize(file.Text);

            if (!File.Exists(verifiedPath))
            {
                if (ci && !accept)
                {
                    File.WriteAllText(receivedPath, actual, Utf8);
                    failures.Add($"Missing snapshot {Path.GetFileName(verifiedPath)} (CI=true: snapshots are never created on CI). Received text written to {Path.GetFileName(receivedPath)}.");
                }
                else
                {
                    File.WriteAllText(verifiedPath, actual, Utf8);
                    TestContext.Out.WriteLine("Created snapshot " + Path.GetFileName(verifiedPath) + "; review and commit it.");
                }
                continue;
            }

            var expected = Normalize(File.ReadAllText(verifiedPath, Utf8));
            if (string.Equals(expected, actual, StringComparison.Ordinal))
            {
                if (File.Exists(receivedPath)) File.Delete(receivedPath);
                continue;
            }
            if (accept)
            {
                File.WriteAllText(verifiedPath, actual, Utf8);
                failures.Add($"Accepted new text into {Path.GetFileName(verifiedPath)} (NATDSL_ACCEPT=1 always fails; rerun without it).");
                continue;
            }
            File.WriteAllText(receivedPath, actual, Utf8);
            failures.Add($"Snapshot {Path.GetFileName(verifiedPath)} differs:\n{UnifiedDiff.Render(expected, actual, MaxDiffLines)}\n" +
                         $"Accept with: mv {Path.GetFileName(receivedPath)} {Path.GetFileName(verifiedPath)}  (in {Path.GetFileName(directory)}/), or rerun with NATDSL_ACCEPT=1.");
        }

        foreach (var stale in Directory.GetFiles(directory, prefix + "*.verified.*"))
        {
            var name = Path.GetFileName(stale);
            var belongs = name.StartsWith(prefix + ".verified.", StringComparison.Ordinal) || name.StartsWith(prefix + "#", StringComparison.Ordinal);
            if (!belongs || expectedNames.Contains(name)) continue;
            if (accept)
            {
                File.Delete(stale);
                failures.Add($"Deleted stale snapshot {name} (NATDSL_ACCEPT=1).");
            }
            else
            {
                failures.Add($"Stale snapshot {name}: the test no longer produces it; delete it or rerun with NATDSL_ACCEPT=1.");
            }
        }

        if (failures.Count > 0) Assert.Fail(string.Join("\n\n", failures));
    }

    /// <summary>LF line ends, no BOM, and the generator's version replaced by %VERSION%.</summary>
    public static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n");
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        return VersionPattern.Replace(text, "GeneratedCode(\"NatDsl.Generator\", \"%VERSION%\")");
    }

    private static readonly Regex VersionPattern = new("GeneratedCode\\(\"NatDsl\\.Generator\", \"[^\"]*\"\\)", RegexOptions.CultureInvariant);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
