using System;
using System.IO;
using System.Text;
using NatDsl.Analysis.Diff;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Testing;

/// <summary>
/// Golden-dump assertions for a test suite of any framework: compares a rule set (generated,
/// compiled or parsed) with a dump file kept beside the tests, semantically, and fails with a
/// readable diff.
/// </summary>
/// <example>
/// <code>
/// [Test]
/// public void Edge_cluster_matches_node1() =>
///     GoldenDump.AssertMatches(EdgeCluster.RuleSet, "golden/node1.listing.txt");
/// </code>
/// </example>
public static class GoldenDump
{
    /// <summary>
    /// Throws <see cref="GoldenDumpMismatchException"/> unless <paramref name="actual"/> matches the
    /// golden dump at <paramref name="goldenPath"/>.
    /// </summary>
    /// <remarks>
    /// <para>The golden is an <c>iptables-save</c> dump or an <c>iptables -L -n</c> listing (any form:
    /// <c>-v</c>, <c>-x</c>, <c>--line-numbers</c>, either protocol dialect), told apart by its first line
    /// (<c>Chain …</c> is a listing). It is read by the runtime's parsers and compared with
    /// <see cref="RuleSetDiff"/>: only the golden's tables (see <see cref="GoldenOptions.CompareOnlyGoldenTables"/>),
    /// chain order never, counters only when <see cref="GoldenOptions.IgnoreCounters"/> is false; a
    /// listing under <c>ListingEquivalence</c> for its form, so what that listing cannot show is not
    /// compared. The exception's message is <see cref="DiffReport"/>'s text with rules in save syntax.</para>
    /// <para>On a mismatch, and when the golden does not exist, the rule set is written beside the golden
    /// as the received dump (<c>nat.listing.txt</c> → <c>nat.listing.received.txt</c>): in the golden's
    /// format and form when it exists, otherwise as the file name says (a name whose last part before
    /// <c>.txt</c> is <c>listing</c>, <c>L</c> or <c>L-…</c> gets a listing in
    /// <see cref="GoldenOptions.ReceivedListingForm"/>, anything else iptables-save text). Capturing a
    /// first golden is one failing run and a rename. A match deletes a received file left by an earlier run.</para>
    /// </remarks>
    /// <param name="actual">The rule set under test.</param>
    /// <param name="goldenPath">The golden dump file (relative paths are relative to the current directory).</param>
    /// <param name="options">Comparison and output options; <see cref="GoldenOptions.Default"/> when null.</param>
    /// <exception cref="GoldenDumpMismatchException">The rule set differs, the golden is missing, or it cannot be read.</exception>
    public static void AssertMatches(RuleSet actual, string goldenPath, GoldenOptions? options = null)
    {
        if (actual is null) throw new ArgumentNullException(nameof(actual));
        if (goldenPath is null) throw new ArgumentNullException(nameof(goldenPath));
        if (goldenPath.Length == 0) throw new ArgumentException("the golden path is empty", nameof(goldenPath));
        options ??= GoldenOptions.Default;
        var receivedPath = GoldenFiles.ReceivedPathOf(goldenPath);

        if (!File.Exists(goldenPath))
        {
            var text = GoldenComparison.ReceivedWithoutGolden(actual, goldenPath, options, out var form);
            GoldenFiles.Write(receivedPath, text);
            throw new GoldenDumpMismatchException(
                "Golden dump not found: " + goldenPath + "\n"
                + "The received dump (" + form + ") was written to " + receivedPath + ".\n"
                + "Check it, then rename it to " + Path.GetFileName(goldenPath) + " to make it the golden.",
                goldenPath, receivedPath, null);
        }

        var golden = GoldenFiles.Read(goldenPath);
        GoldenComparison comparison;
        try
        {
            comparison = GoldenComparison.Run(actual, golden, goldenPath, options);
        }
        catch (DumpParseException exception)
        {
            var text = GoldenComparison.ReceivedWithoutGolden(actual, goldenPath, options, out var form);
            GoldenFiles.Write(receivedPath, text);
            throw new GoldenDumpMismatchException(
                "Golden dump cannot be read: " + exception.Message.Replace("\r\n", "\n") + "\n"
                + "The received dump (" + form + ") was written to " + receivedPath + ".",
                goldenPath, receivedPath, null, exception);
        }

        if (comparison.Result.AreEqual)
        {
            GoldenFiles.DeleteIfPresent(receivedPath);
            return;
        }

        string? written = null;
        if (comparison.Received is not null)
        {
            GoldenFiles.Write(receivedPath, comparison.Received);
            written = receivedPath;
        }
        var message = new StringBuilder()
            .Append("The rule set does not match the golden dump ").Append(goldenPath).Append(" (").Append(comparison.Description).Append("):\n")
            .Append(DiffReport.Render(comparison.Result, SaveRenderer.RenderRule));
        message.Append(written is null
            ? "No received dump was written: the rule set has no table the golden lists.\n"
            : "The received dump was written to " + written + "; if the new rules are right, replace the golden with it.\n");
        throw new GoldenDumpMismatchException(message.ToString(), goldenPath, written, comparison.Result);
    }
}
