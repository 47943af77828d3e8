namespace NatDsl.Cli;

/// <summary>The exit codes every natdsl command shares.</summary>
public static class ExitCodes
{
    /// <summary>Success (equal, verified, written).</summary>
    public const int Success = 0;

    /// <summary>A negative verdict: differences, failed verification, compile errors.</summary>
    public const int Negative = 1;

    /// <summary>Bad input or usage.</summary>
    public const int BadInput = 2;

    /// <summary>An internal error (a bug): one line on stderr, <c>--debug</c> shows the stack trace.</summary>
    public const int Internal = 3;
}
