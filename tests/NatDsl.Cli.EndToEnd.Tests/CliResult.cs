namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>What one run of the tool produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>For assertion messages.</summary>
    public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Stdout + "\n--- stderr\n" + Stderr;
}
