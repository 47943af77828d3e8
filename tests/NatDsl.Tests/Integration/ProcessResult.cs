namespace NatDsl.Tests.Integration;

/// <summary>What a finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>A one-line summary for assertion messages.</summary>
    public override string ToString() => "exit " + ExitCode + "; stderr: " + StandardError.Trim();
}
