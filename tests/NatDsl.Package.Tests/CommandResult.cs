using System;

namespace NatDsl.Package.Tests;

/// <summary>What a finished command printed and returned.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Everything the command printed, for assertion messages.</summary>
    public string Transcript => "$ " + Command + "\n(exit " + ExitCode + " after " + Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s)\n" + Output + Error;
}
