using System;
using NatDsl.Analysis.Diff;

namespace NatDsl.Testing;

/// <summary>
/// Thrown by <see cref="GoldenDump.AssertMatches"/> when a rule set does not match its golden dump,
/// when the golden does not exist yet, or when it cannot be read. The message is meant for a test
/// report: what differs (table, chain, rule, expected and actual rule) and where the received dump is.
/// Any test framework reports it as a failure.
/// </summary>
public sealed class GoldenDumpMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The readable report.</param>
    /// <param name="goldenPath">The golden dump's path.</param>
    /// <param name="receivedPath">Where the received dump was written, or null if none was.</param>
    /// <param name="result">The comparison, or null when there was nothing to compare with.</param>
    /// <param name="innerException">Why the golden could not be read, if that was the problem.</param>
    public GoldenDumpMismatchException(string message, string goldenPath, string? receivedPath, DiffResult? result, Exception? innerException = null)
        : base(message, innerException)
    {
        GoldenPath = goldenPath;
        ReceivedPath = receivedPath;
        Result = result;
    }

    /// <summary>The golden dump's path as given.</summary>
    public string GoldenPath { get; }

    /// <summary>The received dump written beside the golden, or null if none was written.</summary>
    public string? ReceivedPath { get; }

    /// <summary>The semantic comparison, or null when the golden is missing or unreadable.</summary>
    public DiffResult? Result { get; }
}
